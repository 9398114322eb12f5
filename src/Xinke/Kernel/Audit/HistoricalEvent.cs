namespace Xinke.Kernel.Audit;

/// <summary>An event about to be appended that happened at <paramref name="OccurredAt"/> (UTC), not now.</summary>
public sealed record HistoricalEvent(PendingEvent Event, DateTime OccurredAt);
