using Xinke.Data;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// A request for approval of one subject: its steps run in order, each activating when the one
/// before reached its quorum; any rejection rejects the whole request; the deadline passing
/// expires it. The rules of deciding live here; who qualifies as approver is asked of the
/// identity data by <see cref="ApproverMatch"/> before <see cref="Decide"/> is called.
/// </summary>
public sealed class ApprovalRequest : IVersioned
{
    public const int KindMaxLength = 64;
    public const int ModuleMaxLength = 64;
    public const int EntityIdMaxLength = 64;
    public const int SubjectCodeMaxLength = 64;
    public const int SummaryMaxLength = 200;
    public const string CodeKind = "APR";

    public long Id { get; set; }

    public required string Code { get; set; }

    public required string Kind { get; set; }

    public required string SubjectModule { get; set; }

    public required string SubjectEntity { get; set; }

    public required string SubjectId { get; set; }

    public string? SubjectCode { get; set; }

    public required string SubjectSummary { get; set; }

    public long? SubjectDepartmentId { get; set; }

    /// <summary>The value the policy's conditions were read against (for example an asset's book value).</summary>
    public decimal? Amount { get; set; }

    public long RequesterId { get; set; }

    public ApprovalState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime Deadline { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Moves with every decision, so that two concurrent decisions on one request cannot both be saved.</summary>
    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<ApprovalStep> Steps { get; set; } = [];

    public List<ApprovalDecision> Decisions { get; set; } = [];

    public ApprovalSubject Subject => new(SubjectModule, SubjectEntity, SubjectId, SubjectCode, SubjectSummary, SubjectDepartmentId);

    public ApprovalStep? ActiveStep => Steps.FirstOrDefault(s => s.State == ApprovalStepState.Active);

    public bool IsOverdue(DateTime now) => State == ApprovalState.Pending && now >= Deadline;

    /// <summary>A pending request whose first step is active.</summary>
    public static ApprovalRequest Open(string code, string kind, ApprovalSubject subject, long requesterId, decimal? amount, IEnumerable<ApprovalStep> steps, DateTime now, DateTime deadline)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var ordered = steps.OrderBy(s => s.Order).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A request needs at least one step.", nameof(steps));
        }

        ordered[0].State = ApprovalStepState.Active;
        return new ApprovalRequest
        {
            Code = code,
            Kind = kind,
            SubjectModule = subject.Module,
            SubjectEntity = subject.Entity,
            SubjectId = subject.EntityId,
            SubjectCode = subject.Code,
            SubjectSummary = subject.Summary,
            SubjectDepartmentId = subject.DepartmentId,
            Amount = amount,
            RequesterId = requesterId,
            State = ApprovalState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Deadline = deadline,
            Steps = ordered,
        };
    }

    /// <summary>Why <paramref name="accountId"/> may not decide now, whatever rights it holds; null when it may.</summary>
    public Error? RefusalOfDecisionBy(long accountId, DateTime now)
    {
        if (State != ApprovalState.Pending || IsOverdue(now))
        {
            return Error.Conflict(ApprovalErrors.NotPending);
        }

        if (accountId == RequesterId)
        {
            return Error.Conflict(ApprovalErrors.SelfApproval);
        }

        return Decisions.Any(d => d.AccountId == accountId) ? Error.Conflict(ApprovalErrors.AlreadyDecided) : null;
    }

    /// <summary>
    /// Records the verdict of an approver of the active step. <paramref name="permission"/> is what
    /// allowed the approver (null for a step naming the approver in person).
    /// </summary>
    public Result<ApprovalDecision> Decide(long accountId, ApprovalVerdict verdict, string? comment, string? permission, DateTime now)
    {
        if (RefusalOfDecisionBy(accountId, now) is { } refused)
        {
            return refused;
        }

        var step = ActiveStep ?? throw new InvalidOperationException($"Pending request {Id} has no active step.");
        var decision = new ApprovalDecision
        {
            RequestId = Id,
            StepId = step.Id,
            AccountId = accountId,
            Verdict = verdict,
            Comment = comment,
            Permission = permission,
            DecidedAt = now,
        };
        Decisions.Add(decision);
        UpdatedAt = now;
        if (verdict == ApprovalVerdict.Reject)
        {
            step.State = ApprovalStepState.Rejected;
            Close(ApprovalState.Rejected, now);
            return decision;
        }

        if (Decisions.Count(d => d.StepId == step.Id && d.Verdict == ApprovalVerdict.Approve) < step.Quorum)
        {
            return decision;
        }

        step.State = ApprovalStepState.Approved;
        var next = Steps.Where(s => s.State == ApprovalStepState.Waiting).OrderBy(s => s.Order).FirstOrDefault();
        if (next is null)
        {
            Close(ApprovalState.Approved, now);
        }
        else
        {
            next.State = ApprovalStepState.Active;
        }

        return decision;
    }

    /// <summary>The requester takes the request back while it is pending.</summary>
    public Error? Withdraw(long accountId, DateTime now)
    {
        if (accountId != RequesterId)
        {
            return Error.Forbidden(ApprovalErrors.NotRequester);
        }

        if (State != ApprovalState.Pending || IsOverdue(now))
        {
            return Error.Conflict(ApprovalErrors.NotPending);
        }

        Close(ApprovalState.Withdrawn, now);
        return null;
    }

    /// <summary>Ends a pending request whose deadline has passed.</summary>
    public Error? Expire(DateTime now)
    {
        if (!IsOverdue(now))
        {
            return Error.Conflict(ApprovalErrors.NotPending);
        }

        Close(ApprovalState.Expired, now);
        return null;
    }

    private void Close(ApprovalState state, DateTime now)
    {
        State = state;
        ClosedAt = now;
        UpdatedAt = now;
    }
}
