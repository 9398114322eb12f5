using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;

namespace Xinke.Kernel.Improvements;

/// <summary>A change an API or page asks for, and the precondition (such as If-Match) it must pass first.</summary>
public delegate Error? ImprovementPrecondition(ImprovementAction action);

/// <summary>
/// The improvement register's use cases. Modules (checklists, drills, incidents, reviews,
/// leadership decisions) raise actions with <see cref="RaiseAsync"/>, inside their own
/// transaction when they have one.
/// </summary>
public sealed class ImprovementActions(XinkeDb db, HumanCodes codes, TimeProvider clock, HospitalClock hospital, CurrentCaller current, DepartmentScope scope, Notifier notifier)
{
    /// <summary>The kind of notification an owner receives when an action is raised for them.</summary>
    public const string AssignedKind = "improvement.assigned";

    /// <summary>Today in the hospital's time zone: the day overdue is judged against.</summary>
    public DateOnly Today => DateOnly.FromDateTime(hospital.ToLocal(clock.GetUtcNow()).DateTime);

    /// <summary>
    /// Raises an action owned by <paramref name="ownerId"/>, due on <paramref name="due"/> (a day in
    /// the hospital's zone, not before today). Joins the caller's transaction when there is one.
    /// </summary>
    public async Task<Result<ImprovementAction>> RaiseAsync(ImprovementSource source, string? description, long ownerId, DateOnly due, CancellationToken cancellationToken, long? departmentId = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!ImprovementAction.ValidDescription(description))
        {
            return Error.Invalid(ImprovementErrors.InvalidDescription, "description");
        }

        if (!Enum.IsDefined(source.Kind)
            || source.Module?.Length > ImprovementSource.ModuleMaxLength
            || source.Entity?.Length > ImprovementSource.EntityMaxLength
            || source.Label?.Length > ImprovementSource.LabelMaxLength)
        {
            return Error.Invalid(ImprovementErrors.InvalidSource, "source");
        }

        if (due < Today)
        {
            return Error.Invalid(ImprovementErrors.InvalidDueDate, "dueDate");
        }

        if (await OwnerErrorAsync(ownerId, cancellationToken) is { } owner)
        {
            return owner;
        }

        if (departmentId is not null && !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            return Error.Invalid(DepartmentErrors.UnknownParent, "departmentId");
        }

        var creator = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var action = new ImprovementAction
            {
                Code = await codes.NextAsync(ImprovementAction.CodeKind, cancellationToken),
                SourceKind = source.Kind,
                SourceModule = source.Module,
                SourceEntity = source.Entity,
                SourceId = source.EntityId,
                SourceLabel = source.Label,
                Description = description!.Trim(),
                OwnerId = ownerId,
                DepartmentId = departmentId,
                DueDate = due,
                Status = ImprovementStatus.Open,
                CreatedById = creator?.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            var title = string.Create(CultureInfo.InvariantCulture, $"{action.Code} · {action.DueDate:yyyy-MM-dd}");
            await notifier.NotifyAsync(new NotificationMessage(AssignedKind, title, action.Description, string.Create(CultureInfo.InvariantCulture, $"/improvements/{action.Id}")), [ownerId], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<ImprovementAction>.Success(action);
        }, cancellationToken);
    }

    /// <summary>
    /// The actions the caller may see with <paramref name="permission"/>: those of their
    /// department scope, and always the ones they own.
    /// </summary>
    public async Task<IQueryable<ImprovementAction>> VisibleAsync(string permission, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var all = db.Set<ImprovementAction>().AsQueryable();
        if (caller is null)
        {
            return all.Where(a => false);
        }

        var departments = await scope.DepartmentsAsync(permission, cancellationToken);
        if (departments is null)
        {
            return all;
        }

        var me = caller.Id;
        var reachable = departments.ToList();
        return all.Where(a => a.OwnerId == me || (a.DepartmentId != null && reachable.Contains(a.DepartmentId.Value)));
    }

    public async Task<ImprovementAction?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(ImprovementPermissions.Read, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<Result<ImprovementAction>> EditAsync(long id, string? description, long? ownerId, DateOnly? dueDate, ImprovementPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, ImprovementPermissions.Write, precondition, async (action, _) =>
        {
            if (ownerId is not null && ownerId != action.OwnerId && await OwnerErrorAsync(ownerId.Value, cancellationToken) is { } owner)
            {
                return owner;
            }

            if (dueDate is not null && dueDate != action.DueDate && dueDate < Today)
            {
                return Error.Invalid(ImprovementErrors.InvalidDueDate, "dueDate");
            }

            return action.Edit(description, ownerId, dueDate);
        }, cancellationToken);

    public Task<Result<ImprovementAction>> StartAsync(long id, ImprovementPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, ImprovementPermissions.Read, precondition, (action, caller) => Task.FromResult(action.Start(caller.Id)), cancellationToken);

    /// <summary>
    /// The owner hands in the evidence of completion: a text and, optionally, attachments of this
    /// action (uploaded to it beforehand; anything else is refused, so evidence can't point elsewhere).
    /// </summary>
    public Task<Result<ImprovementAction>> SubmitAsync(long id, string? evidence, IReadOnlyList<long>? attachmentIds, ImprovementPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, ImprovementPermissions.Read, precondition, async (action, caller) =>
        {
            var wanted = (attachmentIds ?? []).Distinct().ToList();
            var attached = await db.Set<Attachment>().CountAsync(a => wanted.Contains(a.Id) && a.OwnerType == ImprovementAttachments.OwnerType && a.OwnerId == action.Id && a.VoidedAt == null, cancellationToken);
            return attached != wanted.Count
                ? Error.Invalid(ImprovementErrors.InvalidEvidenceAttachments, "attachmentIds")
                : action.Submit(caller.Id, evidence, attachmentIds, clock.GetUtcNow().UtcDateTime);
        }, cancellationToken);

    public Task<Result<ImprovementAction>> VerifyAsync(long id, ImprovementPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, ImprovementPermissions.Verify, precondition, (action, caller) => Task.FromResult(action.Verify(caller.Id, clock.GetUtcNow().UtcDateTime)), cancellationToken);

    public Task<Result<ImprovementAction>> ReopenAsync(long id, string? reason, ImprovementPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, ImprovementPermissions.Verify, precondition, (action, caller) => Task.FromResult(action.Reopen(caller.Id, reason)), cancellationToken);

    public Task<Result<ImprovementAction>> CancelAsync(long id, string? reason, ImprovementPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, ImprovementPermissions.Cancel, precondition, (action, caller) => Task.FromResult(action.Cancel(caller.Id, reason)), cancellationToken);

    /// <summary>
    /// The compliance view's figures: actions raised in [<paramref name="from"/>, <paramref name="to"/>]
    /// (days in the hospital's zone), by source and department, with how many are still open and
    /// how many are overdue today.
    /// </summary>
    public async Task<IReadOnlyList<ImprovementTally>> TallyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = LocalMidnightUtc(from);
        var end = LocalMidnightUtc(to.AddDays(1));
        var today = Today;
        var rows = await db.Set<ImprovementAction>().AsNoTracking()
            .Where(a => a.CreatedAt >= start && a.CreatedAt < end)
            .Select(a => new { a.SourceKind, a.DepartmentId, a.Status, a.DueDate })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.GroupBy(r => (r.SourceKind, r.DepartmentId))
                .OrderBy(g => g.Key.SourceKind).ThenBy(g => g.Key.DepartmentId)
                .Select(g => new ImprovementTally(
                    g.Key.SourceKind,
                    g.Key.DepartmentId,
                    g.Count(),
                    g.Count(r => r.Status is not (ImprovementStatus.Verified or ImprovementStatus.Cancelled)),
                    g.Count(r => r.Status is not (ImprovementStatus.Verified or ImprovementStatus.Cancelled) && r.DueDate < today),
                    g.Count(r => r.Status == ImprovementStatus.Verified))),
        ];
    }

    private DateTime LocalMidnightUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, hospital.Zone.GetUtcOffset(local)).UtcDateTime;
    }

    private async Task<Error?> OwnerErrorAsync(long ownerId, CancellationToken cancellationToken) =>
        await db.Set<Account>().AnyAsync(a => a.Id == ownerId && a.State == AccountState.Active, cancellationToken)
            ? null
            : Error.Invalid(ImprovementErrors.UnknownOwner, "ownerId");

    private async Task<Result<ImprovementAction>> ChangeAsync(long id, string permission, ImprovementPrecondition? precondition, Func<ImprovementAction, Caller, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        var action = await (await VisibleAsync(permission, cancellationToken)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return Error.NotFound(ImprovementErrors.NotFound);
        }

        if (precondition?.Invoke(action) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(action, caller) is { } refused)
            {
                return refused;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<ImprovementAction>.Success(action);
        }, cancellationToken);
    }
}

/// <summary>One line of the compliance view: actions of a source kind and department raised in a period.</summary>
public sealed record ImprovementTally(ImprovementSourceKind Source, long? DepartmentId, int Raised, int Open, int Overdue, int Verified);
