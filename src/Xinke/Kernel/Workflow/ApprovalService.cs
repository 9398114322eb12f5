using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Workflow;

/// <summary>Which of the caller's approvals a list shows: those waiting for its decision, or those it asked for.</summary>
public enum ApprovalListScope
{
    Pending,
    Requested,
}

/// <summary>
/// The approval kernel's use cases. Modules call <see cref="StartAsync"/> from their own use case
/// and learn the outcome through their <see cref="IApprovalOutcomeHandler"/>; people decide
/// through <see cref="DecideAsync"/> and <see cref="WithdrawAsync"/>, one transaction each, in
/// which the outcome handler runs too.
/// </summary>
public sealed class ApprovalService(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    BusinessCalendars calendars,
    ApprovalPolicyService policies,
    ApproverMatch approvers,
    ApprovalNotices notices,
    IEnumerable<IApprovalOutcomeHandler> handlers,
    ILogger<ApprovalService> logger)
{
    public static readonly ListDefinition<ApprovalRequest> List = new ListDefinition<ApprovalRequest>("approvals", r => r.Id, "-id")
        .SortBy("id", r => r.Id)
        .SortBy("deadline", r => r.Deadline);

    private Dictionary<string, IApprovalOutcomeHandler>? byKind;

    /// <summary>
    /// Starts an approval of <paramref name="subject"/> by the policy of <paramref name="kind"/>.
    /// Call it inside the transaction of the module's own use case, after the subject has its id:
    /// the request (and its human code <c>APR-yyyy-nnnnnn</c>) is added to the shared
    /// <c>XinkeDb</c> and stored by the module's next save, so the subject and its request commit
    /// or roll back together. <paramref name="amount"/> is what the policy's conditions read
    /// (steps with a threshold apply only above it); null when the kind has no value.
    /// Returns the request, or <c>approval.no_policy</c> (409) when no policy exists for the kind.
    /// A kind without a registered <see cref="IApprovalOutcomeHandler"/> is a wiring bug and throws.
    /// </summary>
    public async Task<Result<ApprovalRequest>> StartAsync(ApprovalSubject subject, string kind, long requesterId, decimal? amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An approval must be started inside the transaction that changes its subject.");
        }

        HandlerFor(kind);
        if (!IsValid(subject))
        {
            return Error.Invalid(ApprovalErrors.InvalidSubject, "subject");
        }

        var policy = await policies.ForStartAsync(kind, cancellationToken);
        if (policy is null)
        {
            return Error.Conflict(ApprovalErrors.NoPolicy, null, kind);
        }

        var now = clock.GetUtcNow();
        var deadline = calendars[BusinessCalendars.Office].Add(now, TimeSpan.FromHours(policy.DeadlineWorkingHours)).UtcDateTime;
        var steps = policy.StepsFor(amount).Select((s, i) => new ApprovalStep
        {
            Order = i,
            Permission = s.Permission,
            DepartmentLimited = s.DepartmentLimited,
            AccountId = s.AccountId,
            Quorum = s.Quorum,
        });
        var code = await codes.NextAsync(ApprovalRequest.CodeKind, cancellationToken);
        var request = ApprovalRequest.Open(code, kind, subject, requesterId, amount, steps, now.UtcDateTime, deadline);
        db.Add(request);
        await notices.WaitingAsync(request, cancellationToken);
        logger.LogInformation("Approval {Code} of {Kind} started for {Module}/{Entity} {SubjectId} by account {RequesterId}", code, kind, subject.Module, subject.Entity, subject.EntityId, requesterId);
        return request;
    }

    /// <summary>
    /// The caller's verdict on the active step. Refused with 409 <c>approval.not_pending</c> (closed or
    /// overdue — an overdue request is expired then), 409 <c>approval.self_approval</c>, 409
    /// <c>approval.already_decided</c>, 403 <c>approval.not_an_approver</c> when the caller does not
    /// qualify for the active step at this moment, 400 for a bad comment (a rejection needs one).
    /// When the decision closes the request, the kind's outcome handler runs in the same transaction.
    /// </summary>
    public async Task<Result<ApprovalRequest>> DecideAsync(long id, Caller caller, ApprovalVerdict verdict, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > ApprovalDecision.CommentMaxLength)
        {
            return Error.Invalid(ApprovalErrors.InvalidComment, "comment", ApprovalDecision.CommentMaxLength);
        }

        if (verdict == ApprovalVerdict.Reject && comment is null)
        {
            return Error.Invalid(ApprovalErrors.CommentRequired, "comment");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await LoadAsync(id, cancellationToken);
        if (request is null)
        {
            return Error.NotFound(ApprovalErrors.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.IsOverdue(now))
        {
            return await ExpireInAsync(transaction, request, now, cancellationToken) ?? Error.Conflict(ApprovalErrors.NotPending);
        }

        if (request.RefusalOfDecisionBy(caller.Id, now) is { } refused)
        {
            return refused;
        }

        if (await HandlerFor(request.Kind).RefuseApproverAsync(request, caller.Id, cancellationToken) is { } vetoed)
        {
            return vetoed;
        }

        var (allowed, permission) = await approvers.MatchAsync(caller, request, request.ActiveStep!, cancellationToken);
        if (!allowed)
        {
            return Error.Forbidden(ApprovalErrors.NotAnApprover);
        }

        var stepBefore = request.ActiveStep;
        var decided = request.Decide(caller.Id, verdict, comment, permission, now);
        if (!decided.Succeeded)
        {
            return decided.Error!;
        }

        if (request.State == ApprovalState.Pending && request.ActiveStep != stepBefore)
        {
            await notices.WaitingAsync(request, cancellationToken);
        }

        if (await CloseInAsync(transaction, request, cancellationToken) is { } failed)
        {
            return failed;
        }

        logger.LogInformation("Account {AccountId} decided {Verdict} on approval {Code}, now {State}", caller.Id, verdict, request.Code, request.State);
        return request;
    }

    /// <summary>The requester takes a pending request back (403 <c>approval.not_requester</c> for anyone else).</summary>
    public async Task<Result<ApprovalRequest>> WithdrawAsync(long id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await LoadAsync(id, cancellationToken);
        if (request is null)
        {
            return Error.NotFound(ApprovalErrors.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.IsOverdue(now) && request.RequesterId == caller.Id)
        {
            return await ExpireInAsync(transaction, request, now, cancellationToken) ?? Error.Conflict(ApprovalErrors.NotPending);
        }

        if (request.Withdraw(caller.Id, now) is { } refused)
        {
            return refused;
        }

        if (await CloseInAsync(transaction, request, cancellationToken) is { } failed)
        {
            return failed;
        }

        logger.LogInformation("Approval {Code} withdrawn by its requester {AccountId}", request.Code, caller.Id);
        return request;
    }

    /// <summary>
    /// Expires every pending request whose deadline has passed, each in its own transaction with
    /// its outcome handler; one whose handler fails stays pending (and is logged) for the next run.
    /// Meant for a scheduled background job. Returns how many expired.
    /// </summary>
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Set<ApprovalRequest>().AsNoTracking()
            .Where(r => r.State == ApprovalState.Pending && r.Deadline <= now)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in overdue)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var request = await LoadAsync(id, cancellationToken);
            if (request is null || !request.IsOverdue(now))
            {
                continue;
            }

            if (await ExpireInAsync(transaction, request, now, cancellationToken) is { } failed)
            {
                logger.LogWarning("Approval {Code} could not be expired: its outcome handler answered {Error}", request.Code, failed.Code);
                continue;
            }

            expired++;
        }

        return expired;
    }

    /// <summary>A request as the caller may see it: its requester, those who decided on it, and the approvers it waits for; else null.</summary>
    public async Task<ApprovalRequest?> FindVisibleAsync(long id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var request = await db.Set<ApprovalRequest>().AsNoTracking().AsSplitQuery()
            .Include(r => r.Steps).Include(r => r.Decisions)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        return request.RequesterId == caller.Id || request.Decisions.Any(d => d.AccountId == caller.Id) || await CanDecideAsync(request, caller, cancellationToken)
            ? request
            : null;
    }

    /// <summary>Whether the caller could decide the request now (for showing the approve and reject forms).</summary>
    public async Task<bool> CanDecideAsync(ApprovalRequest request, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        return request.RefusalOfDecisionBy(caller.Id, clock.GetUtcNow().UtcDateTime) is null
            && request.ActiveStep is { } step
            && (await approvers.MatchAsync(caller, request, step, cancellationToken)).Allowed;
    }

    /// <summary>One page of the caller's approvals: waiting for its decision, or asked for by it.</summary>
    public async Task<Result<Page<ApprovalRequest>>> ListAsync(Caller caller, ApprovalListScope scope, ListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = db.Set<ApprovalRequest>().AsNoTracking().AsSplitQuery().Include(r => r.Steps).Include(r => r.Decisions);
        var filtered = scope == ApprovalListScope.Requested
            ? query.Where(r => r.RequesterId == caller.Id)
            : query.Where(await approvers.WaitingForAsync(caller, clock.GetUtcNow().UtcDateTime, cancellationToken));
        return await List.PageAsync(filtered, request, r => r, cancellationToken);
    }

    /// <summary>How many requests wait for the caller's decision: one counting query, for the menu's badge.</summary>
    public async Task<int> CountWaitingAsync(Caller caller, CancellationToken cancellationToken) =>
        await db.Set<ApprovalRequest>().Where(await approvers.WaitingForAsync(caller, clock.GetUtcNow().UtcDateTime, cancellationToken)).CountAsync(cancellationToken);

    /// <summary>The requests as the API and the pages show them, with the people named.</summary>
    public async Task<List<ApprovalDto>> DescribeAsync(IReadOnlyList<ApprovalRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var ids = requests.Select(r => r.RequesterId)
            .Concat(requests.SelectMany(r => r.Decisions).Select(d => d.AccountId))
            .Concat(requests.SelectMany(r => r.Steps).Where(s => s.AccountId is not null).Select(s => s.AccountId!.Value))
            .Distinct()
            .ToList();
        var people = await db.Set<Account>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new PersonDto(a.Id, a.UserName, a.DisplayName), cancellationToken);
        return [.. requests.Select(r => Describe(r, people))];
    }

    private static ApprovalDto Describe(ApprovalRequest request, Dictionary<long, PersonDto> people)
    {
        var steps = request.Steps.OrderBy(s => s.Order).ToList();
        var orderOf = steps.ToDictionary(s => s.Id, s => s.Order);
        return new ApprovalDto(
            request.Id,
            request.Code,
            request.Kind,
            new ApprovalSubjectDto(request.SubjectModule, request.SubjectEntity, request.SubjectId, request.SubjectCode, request.SubjectSummary, request.SubjectDepartmentId),
            request.State,
            people[request.RequesterId],
            request.Amount,
            request.CreatedAt,
            request.Deadline,
            request.ClosedAt,
            [.. steps.Select(s => new ApprovalStepDto(
                s.Order,
                s.Permission,
                s.DepartmentLimited,
                s.AccountId is { } account ? people[account] : null,
                s.Quorum,
                request.Decisions.Count(d => d.StepId == s.Id && d.Verdict == ApprovalVerdict.Approve),
                s.State))],
            [.. request.Decisions.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
                .Select(d => new ApprovalDecisionDto(orderOf[d.StepId], people[d.AccountId], d.Verdict, d.Comment, d.Permission, d.DecidedAt))]);
    }

    private Task<ApprovalRequest?> LoadAsync(long id, CancellationToken cancellationToken) =>
        db.Set<ApprovalRequest>().AsSplitQuery().Include(r => r.Steps).Include(r => r.Decisions).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private async Task<Error?> ExpireInAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ApprovalRequest request, DateTime now, CancellationToken cancellationToken)
    {
        if (request.Expire(now) is { } refused)
        {
            return refused;
        }

        var failed = await CloseInAsync(transaction, request, cancellationToken);
        if (failed is null)
        {
            logger.LogInformation("Approval {Code} expired at its deadline {Deadline}", request.Code, request.Deadline);
        }

        return failed;
    }

    /// <summary>
    /// Tells the kind's handler when the request closed, then saves and commits; when the handler
    /// fails, nothing of the decision or of the handler's changes is kept.
    /// </summary>
    private async Task<Error?> CloseInAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ApprovalRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var handler = HandlerFor(request.Kind);
            var failed = request.State switch
            {
                ApprovalState.Pending => null,
                ApprovalState.Approved => await handler.OnApprovedAsync(request, cancellationToken),
                ApprovalState.Rejected => await handler.OnRejectedAsync(request, cancellationToken),
                ApprovalState.Withdrawn => await handler.OnWithdrawnAsync(request, cancellationToken),
                ApprovalState.Expired => await handler.OnExpiredAsync(request, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown approval state {request.State}."),
            };
            if (failed is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return failed;
            }

            if (request.State != ApprovalState.Pending)
            {
                await notices.ClosedAsync(request, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch
        {
            // The transaction rolls back when disposed; what this context still tracks must not reach a later save.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private IApprovalOutcomeHandler HandlerFor(string kind)
    {
        if (byKind is null)
        {
            var map = new Dictionary<string, IApprovalOutcomeHandler>(StringComparer.Ordinal);
            foreach (var handler in handlers)
            {
                foreach (var handled in handler.Kinds)
                {
                    if (!map.TryAdd(handled, handler))
                    {
                        throw new InvalidOperationException($"Approval kind {handled} has two outcome handlers.");
                    }
                }
            }

            byKind = map;
        }

        return byKind.TryGetValue(kind, out var found)
            ? found
            : throw new InvalidOperationException($"No outcome handler is registered for approval kind {kind}.");
    }

    private static bool IsValid(ApprovalSubject subject) =>
        !string.IsNullOrWhiteSpace(subject.Module) && subject.Module.Length <= ApprovalRequest.ModuleMaxLength
        && !string.IsNullOrWhiteSpace(subject.Entity) && subject.Entity.Length <= ApprovalRequest.ModuleMaxLength
        && !string.IsNullOrWhiteSpace(subject.EntityId) && subject.EntityId.Length <= ApprovalRequest.EntityIdMaxLength
        && (subject.Code is null || subject.Code.Length <= ApprovalRequest.SubjectCodeMaxLength)
        && !string.IsNullOrWhiteSpace(subject.Summary) && subject.Summary.Length <= ApprovalRequest.SummaryMaxLength;
}
