namespace Xinke.Kernel.Audit;

/// <summary>An event about to be appended: everything but its place in the chain.</summary>
public sealed record PendingEvent(
    Actor Actor,
    string Action,
    string Outcome,
    string? EntityType = null,
    string? EntityId = null,
    string? Changes = null,
    string? RequirementIds = null);
