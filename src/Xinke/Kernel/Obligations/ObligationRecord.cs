namespace Xinke.Kernel.Obligations;

/// <summary>
/// A record a module reported as possible evidence (a backup restored, a drill held): kept
/// whether or not an obligation asks for it today, so an obligation defined later, or a period
/// materialised later, still finds it.
/// </summary>
public sealed class ObligationRecord
{
    public const int KindMaxLength = 100;
    public const int SubjectMaxLength = 100;
    public const int SourceMaxLength = 200;

    public long Id { get; set; }

    public required string Kind { get; set; }

    /// <summary>The module that owns the source record: the part of <see cref="Kind"/> before its first dot.</summary>
    public required string Module { get; set; }

    public string? SubjectType { get; set; }

    public string? SubjectId { get; set; }

    public DateTime OccurredAt { get; set; }

    public long? ActorAccountId { get; set; }

    /// <summary>Which record of the module this is (<c>BAK-2026-000012</c>, <c>drill:41</c>).</summary>
    public required string SourceRef { get; set; }

    public DateTime ReportedAt { get; set; }
}
