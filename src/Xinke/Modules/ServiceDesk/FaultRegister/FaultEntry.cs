using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.FaultRegister;

/// <summary>
/// One line of the fault register (故障登记, ROOM-03): when the fault was reported, what it was,
/// where, how it was handled (<see cref="Handling"/>) and its result.
/// </summary>
public sealed record FaultEntry(
    long Id,
    string Code,
    DateTime ReportedAt,
    string Title,
    string Description,
    long? SystemId,
    string? SystemName,
    string? Location,
    TicketStatus Status,
    string? Assignee,
    TicketCause? Cause,
    string? RootCause,
    string? Resolution,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime? ResolutionDueAt,
    bool Overdue,
    IReadOnlyList<FaultHandlingStep> Handling);

/// <summary>
/// A step of the public handling record: a status change, an assignment or a public comment, never
/// an internal comment. <see cref="To"/> is null for a comment.
/// </summary>
public sealed record FaultHandlingStep(DateTime At, string? Actor, TicketStatus? From, TicketStatus? To, string? Assignee, string? Text);

/// <summary>
/// The register's filters besides the list's own: <c>?month=2026-03&amp;systemId=&amp;location=</c>; the
/// month is a calendar month in the hospital's time zone, the location a part of the fault's location (机房).
/// </summary>
public sealed record FaultFilter(string? Month = null, long? SystemId = null, string? Location = null);
