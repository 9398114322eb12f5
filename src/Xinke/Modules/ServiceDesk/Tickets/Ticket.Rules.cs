using Xinke.Kernel;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>The ticket's state changes: each refuses what the flow forbids and returns the history row it adds.</summary>
public sealed partial class Ticket
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>The row that opens the history.</summary>
    public TicketStatusChange Opened(long? actorId) => Row(null, actorId, DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc));

    /// <summary>Dispatches to an engineer and/or a group; a reassignment keeps the status (and the SLA clock).</summary>
    public Result<TicketStatusChange> Assign(long? assigneeId, long? groupId, long actorId, DateTime now)
    {
        if (!IsOpen)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        if (assigneeId is null && groupId is null)
        {
            return Error.Invalid(TicketErrors.AssigneeRequired, "assigneeId");
        }

        AssigneeAccountId = assigneeId ?? (groupId == GroupId ? AssigneeAccountId : null);
        GroupId = groupId ?? GroupId;
        return Move(Status == TicketStatus.New ? TicketStatus.Assigned : Status, null, actorId, now);
    }

    /// <summary>An engineer takes the ticket up: this is the response the SLA measures. Unassigned, it becomes theirs.</summary>
    public Result<TicketStatusChange> Start(long actorId, DateTime now)
    {
        if (Status is not (TicketStatus.New or TicketStatus.Assigned))
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        AssigneeAccountId ??= actorId;
        RespondedAt ??= now;
        return Move(TicketStatus.InProgress, null, actorId, now);
    }

    /// <summary>Waiting for the caller, a vendor or a part: the resolution clock stops, with the reason on record.</summary>
    public Result<TicketStatusChange> Pend(string? reason, long actorId, DateTime now)
    {
        if (Status != TicketStatus.InProgress)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        if (!ValidText(reason, ReasonMaxLength))
        {
            return Error.Invalid(TicketErrors.InvalidReason, "reason");
        }

        PendingReason = reason!.Trim();
        return Move(TicketStatus.Pending, PendingReason, actorId, now);
    }

    public Result<TicketStatusChange> Resume(long actorId, DateTime now)
    {
        if (Status != TicketStatus.Pending)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        PendingReason = null;
        return Move(TicketStatus.InProgress, null, actorId, now);
    }

    /// <summary>A new impact and urgency give a new priority, whose SLA target applies from now on (see SlaClock).</summary>
    public Result<TicketStatusChange> Reprioritise(TicketLevel impact, TicketLevel urgency, long actorId, DateTime now)
    {
        if (!IsOpen)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        if (!Enum.IsDefined(impact) || !Enum.IsDefined(urgency))
        {
            return Error.Invalid(TicketErrors.InvalidLevel, Enum.IsDefined(impact) ? "urgency" : "impact");
        }

        Impact = impact;
        Urgency = urgency;
        Priority = PriorityMatrix.Of(impact, urgency);
        return Move(Status, null, actorId, now);
    }

    /// <summary>Records what was wrong and what was done; the reporter then confirms or reopens.</summary>
    public Result<TicketStatusChange> Resolve(TicketCause? cause, string? rootCause, string? resolution, long actorId, DateTime now)
    {
        if (Status is not (TicketStatus.Assigned or TicketStatus.InProgress))
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        if (cause is null || !Enum.IsDefined(cause.Value))
        {
            return Error.Invalid(TicketErrors.InvalidCause, "cause");
        }

        if (rootCause?.Length > RootCauseMaxLength)
        {
            return Error.Invalid(TicketErrors.InvalidRootCause, "rootCause");
        }

        if (!ValidText(resolution, ResolutionMaxLength))
        {
            return Error.Invalid(TicketErrors.InvalidResolution, "resolution");
        }

        Cause = cause;
        RootCause = string.IsNullOrWhiteSpace(rootCause) ? null : rootCause.Trim();
        Resolution = resolution!.Trim();
        AssigneeAccountId ??= actorId;
        ResolvedByAccountId = actorId;
        ResolvedAt = now;
        RespondedAt ??= now;
        return Move(TicketStatus.Resolved, null, actorId, now);
    }

    /// <summary>The reporter confirms the resolution: the ticket closes.</summary>
    public Result<TicketStatusChange> Confirm(long actorId, DateTime now)
    {
        if (actorId != ReporterAccountId)
        {
            return Error.Conflict(TicketErrors.NotReporter, TicketErrors.Requirement);
        }

        if (Status != TicketStatus.Resolved)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        ConfirmedByReporter = true;
        ClosedAt = now;
        return Move(TicketStatus.Closed, null, actorId, now);
    }

    /// <summary>Closes a resolved ticket without the reporter: by an engineer, or by the job once the confirmation window passed (actor null).</summary>
    public Result<TicketStatusChange> Close(long? actorId, string? reason, DateTime now)
    {
        if (Status != TicketStatus.Resolved)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        ConfirmedByReporter = false;
        ClosedAt = now;
        return Move(TicketStatus.Closed, reason, actorId, now);
    }

    /// <summary>Whether <see cref="Reopen"/> would accept the state and the time: resolved or closed, within the window after the resolution.</summary>
    public bool CanReopen(TimeSpan window, DateTime now) =>
        Status is TicketStatus.Resolved or TicketStatus.Closed && ResolvedAt is not null && now - ResolvedAt.Value <= window;

    /// <summary>The resolution did not hold: within the window after it, the ticket goes back to its assignee and the resolution clock resumes.</summary>
    public Result<TicketStatusChange> Reopen(string? reason, long actorId, TimeSpan window, DateTime now)
    {
        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed) || ResolvedAt is null)
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        if (now - ResolvedAt.Value > window)
        {
            return Error.Conflict(TicketErrors.ReopenWindowPassed, TicketErrors.Requirement);
        }

        if (!ValidText(reason, ReasonMaxLength))
        {
            return Error.Invalid(TicketErrors.InvalidReason, "reason");
        }

        ReopenReason = reason!.Trim();
        ReopenCount++;
        ResolvedAt = null;
        ResolvedByAccountId = null;
        ClosedAt = null;
        ConfirmedByReporter = null;
        Rating = null;
        RatingComment = null;
        RatedAt = null;
        SlaWarnedAt = null;
        SlaEscalatedAt = null;
        return Move(AssigneeAccountId is null && GroupId is null ? TicketStatus.New : TicketStatus.Assigned, ReopenReason, actorId, now);
    }

    /// <summary>Only the reporter rates, once, after the resolution.</summary>
    public Error? Rate(int? score, string? comment, long actorId, DateTime now)
    {
        if (actorId != ReporterAccountId)
        {
            return Error.Conflict(TicketErrors.NotReporter, TicketErrors.Requirement);
        }

        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
        }

        if (Rating is not null)
        {
            return Error.Conflict(TicketErrors.AlreadyRated, TicketErrors.Requirement);
        }

        if (score is not (>= MinScore and <= MaxScore))
        {
            return Error.Invalid(TicketErrors.InvalidScore, "score");
        }

        if (comment?.Length > RatingCommentMaxLength)
        {
            return Error.Invalid(TicketErrors.InvalidComment, "comment");
        }

        Rating = score;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = now;
        UpdatedAt = now;
        return null;
    }

    public static bool ValidText(string? text, int maxLength) => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= maxLength;

    private TicketStatusChange Move(TicketStatus to, string? reason, long? actorId, DateTime now)
    {
        var from = Status;
        Status = to;
        UpdatedAt = now;
        return Row(from, actorId, now, reason);
    }

    private TicketStatusChange Row(TicketStatus? from, long? actorId, DateTime at, string? reason = null) => new()
    {
        TicketId = Id,
        At = at,
        From = from,
        To = Status,
        Priority = Priority,
        AssigneeAccountId = AssigneeAccountId,
        GroupId = GroupId,
        Reason = reason,
        ActorAccountId = actorId,
    };
}
