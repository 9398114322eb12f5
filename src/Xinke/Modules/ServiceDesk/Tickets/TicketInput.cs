namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>A new ticket. Enumerations come as their names (e.g. "fault", "high"), so a wrong one is a field error.</summary>
public sealed record TicketInput(
    string? Kind,
    string? Title,
    string? Description,
    long? SystemId = null,
    IReadOnlyList<long>? AssetIds = null,
    long? CategoryId = null,
    string? Impact = null,
    string? Urgency = null,
    string? Location = null,
    string? ContactPhone = null,
    long? DepartmentId = null,
    long? ReporterAccountId = null);

public sealed record AssignInput(long? AssigneeId, long? GroupId);

public sealed record ReasonInput(string? Reason);

public sealed record PriorityInput(string? Impact, string? Urgency);

public sealed record ResolveInput(string? Cause, string? RootCause, string? Resolution);

public sealed record RateInput(int? Score, string? Comment);

public sealed record CommentInput(string? Text, bool Internal = false);

public sealed record TicketPatch(string? Title, string? Description, string? Location, long? CategoryId, long? SystemId);

/// <summary>The queue's filters; "breached" selects tickets past a due time or marked breached.</summary>
public sealed record TicketFilter(string? Status, string? Kind, string? Priority, long? AssigneeId, long? DepartmentId, long? SystemId, bool? Breached, bool? Mine);
