using Xinke.Data;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>
/// A ticket of the service desk (工单): a fault, a service request, a question or feedback, from a
/// staff member or filed by an engineer on a caller's behalf, or opened by another module. Its
/// status history (<see cref="TicketStatusChange"/>) is the record the SLA clock is derived from;
/// the due and breach columns here are a copy of that computation, kept for listing.
/// </summary>
public sealed partial class Ticket : IVersioned
{
    public const string CodeKind = "GD";
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int LocationMaxLength = 200;
    public const int PhoneMaxLength = 32;
    public const int ReasonMaxLength = 1000;
    public const int RootCauseMaxLength = 2000;
    public const int ResolutionMaxLength = 4000;
    public const int RatingCommentMaxLength = 1000;
    public const int SourceKindMaxLength = 64;

    public long Id { get; set; }

    public required string Code { get; set; }

    public TicketKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    /// <summary>The person the ticket is for, when known (the people register's id).</summary>
    public long? ReporterPersonId { get; set; }

    /// <summary>The account that confirms, reopens and rates; null when the system opened the ticket.</summary>
    public long? ReporterAccountId { get; set; }

    /// <summary>The engineer who filed on a caller's behalf (phone, walk-in); null when the reporter filed.</summary>
    public long? FiledByAccountId { get; set; }

    public long? DepartmentId { get; set; }

    public string? Location { get; set; }

    /// <summary>A phone number to call the reporter back on.</summary>
    [Sensitive(SensitiveKind.Phone)]
    public string? ContactPhone { get; set; }

    public long? CategoryId { get; set; }

    public long? SystemId { get; set; }

    public TicketLevel Impact { get; set; } = TicketLevel.Medium;

    public TicketLevel Urgency { get; set; } = TicketLevel.Medium;

    public TicketPriority Priority { get; set; } = TicketPriority.P3;

    public long? AssigneeAccountId { get; set; }

    public long? GroupId { get; set; }

    public TicketStatus Status { get; set; }

    public string? PendingReason { get; set; }

    public TicketCause? Cause { get; set; }

    public string? RootCause { get; set; }

    public string? Resolution { get; set; }

    public long? ResolvedByAccountId { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>True when the reporter confirmed; false when the ticket closed without them (automatically or by an engineer).</summary>
    public bool? ConfirmedByReporter { get; set; }

    public string? ReopenReason { get; set; }

    public int ReopenCount { get; set; }

    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    public DateTime? RatedAt { get; set; }

    /// <summary>The module record that opened the ticket (e.g. "backups.verification"), with <see cref="SourceId"/>.</summary>
    public string? SourceKind { get; set; }

    public long? SourceId { get; set; }

    /// <summary>The first time an engineer started work (the response the SLA measures).</summary>
    public DateTime? RespondedAt { get; set; }

    public long? SlaPolicyId { get; set; }

    public DateTime? ResponseDueAt { get; set; }

    public DateTime? ResolutionDueAt { get; set; }

    public bool ResponseBreached { get; set; }

    public bool ResolutionBreached { get; set; }

    /// <summary>Set once the assignee was warned of a coming breach; cleared when a reopen restarts the watch.</summary>
    public DateTime? SlaWarnedAt { get; set; }

    /// <summary>Set once the breach was escalated; cleared when a reopen restarts the watch.</summary>
    public DateTime? SlaEscalatedAt { get; set; }

    public long? CreatedByAccountId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The last change of the ticket's own fields; comments live beside it and leave it alone.</summary>
    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed);

    public bool Breached => ResponseBreached || ResolutionBreached;
}
