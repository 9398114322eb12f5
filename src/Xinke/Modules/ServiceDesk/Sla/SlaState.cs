namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>
/// Where a ticket's two SLA clocks stand at a moment: business time elapsed, the target in force,
/// when it falls due (null while the clock is stopped or when it already stopped for good), and
/// whether and when the target was breached.
/// </summary>
public sealed record SlaState(
    TimeSpan ResponseElapsed,
    TimeSpan? ResponseTarget,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResponseBreachedAt,
    TimeSpan ResolutionElapsed,
    TimeSpan? ResolutionTarget,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ResolutionBreachedAt,
    bool ResolutionRunning)
{
    public bool ResponseBreached => ResponseBreachedAt is not null;

    public bool ResolutionBreached => ResolutionBreachedAt is not null;

    /// <summary>The share of the resolution target used so far (0 without a target).</summary>
    public double ResolutionUsed => ResolutionTarget is { } target && target > TimeSpan.Zero ? ResolutionElapsed / target : 0;

    public double ResponseUsed => ResponseTarget is { } target && target > TimeSpan.Zero ? ResponseElapsed / target : 0;
}
