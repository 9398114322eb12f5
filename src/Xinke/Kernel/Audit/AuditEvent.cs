namespace Xinke.Kernel.Audit;

/// <summary>
/// One link of the tamper-evident chain: who did what to which record, from where, with what
/// outcome. Written in the transaction of the change it records; never updated or deleted by
/// Xinke (only archived by the console verb, past the retention).
/// </summary>
[NotAudited("The chain records itself by construction.")]
public sealed class AuditEvent
{
    public long Sequence { get; init; }

    public DateTime OccurredAt { get; init; }

    public long? ActorId { get; init; }

    public required string ActorName { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    public required string Action { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>Field -> {before, after} as canonical JSON; secrets masked before they get here.</summary>
    public string? Changes { get; init; }

    public required string Outcome { get; init; }

    /// <summary>Requirement IDs of the rule that decided the outcome, comma-separated (EQ-06).</summary>
    public string? RequirementIds { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
