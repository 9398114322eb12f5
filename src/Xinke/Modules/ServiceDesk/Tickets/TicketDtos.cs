namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>A ticket as the API shows it: never an internal comment (those only come with the timeline, to engineers).</summary>
public sealed record TicketDto(
    long Id,
    string Code,
    TicketKind Kind,
    string Title,
    string Description,
    long? ReporterPersonId,
    long? ReporterAccountId,
    long? FiledByAccountId,
    long? DepartmentId,
    string? Location,
    long? CategoryId,
    long? SystemId,
    IReadOnlyList<long> AssetIds,
    TicketLevel Impact,
    TicketLevel Urgency,
    TicketPriority Priority,
    long? AssigneeId,
    long? GroupId,
    TicketStatus Status,
    string? PendingReason,
    TicketCause? Cause,
    string? RootCause,
    string? Resolution,
    DateTime? RespondedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    bool? ConfirmedByReporter,
    int? Rating,
    string? RatingComment,
    string? SourceKind,
    long? SourceId,
    DateTime? ResponseDueAt,
    DateTime? ResolutionDueAt,
    bool ResponseBreached,
    bool ResolutionBreached,
    DateTime CreatedAt,
    long Version)
{
    public static TicketDto From(Ticket t, IReadOnlyList<long>? assetIds = null) => new(
        t.Id, t.Code, t.Kind, t.Title, t.Description, t.ReporterPersonId, t.ReporterAccountId, t.FiledByAccountId, t.DepartmentId, t.Location,
        t.CategoryId, t.SystemId, assetIds ?? [], t.Impact, t.Urgency, t.Priority, t.AssigneeAccountId, t.GroupId, t.Status, t.PendingReason,
        t.Cause, t.RootCause, t.Resolution, t.RespondedAt, t.ResolvedAt, t.ClosedAt, t.ConfirmedByReporter, t.Rating, t.RatingComment,
        t.SourceKind, t.SourceId, t.ResponseDueAt, t.ResolutionDueAt, t.ResponseBreached, t.ResolutionBreached, t.CreatedAt, t.Version);
}

/// <summary>One entry of a ticket's timeline: a history row ("status") or a comment ("comment").</summary>
public sealed record TimelineEntry(
    DateTime At,
    string Type,
    long? ActorId,
    TicketStatus? From,
    TicketStatus? To,
    TicketPriority? Priority,
    long? AssigneeId,
    long? GroupId,
    string? Reason,
    string? Text,
    bool Internal);

public sealed record TicketCommentDto(long Id, string Text, bool Internal, long AuthorId, DateTime At)
{
    public static TicketCommentDto From(TicketComment c) => new(c.Id, c.Text, c.Internal, c.AuthorAccountId, c.At);
}
