using System.Collections.Concurrent;
using Xinke.Kernel.Obligations;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>Stands in for the notifications area: keeps what it was told, shared by every host of a test.</summary>
public sealed class RecordingNotifier : IObligationNotifier
{
    private readonly ConcurrentQueue<(long PeriodId, PeriodStatus Status)> told = new();

    public IReadOnlyList<(long PeriodId, PeriodStatus Status)> Told => [.. told];

    public Task PeriodOverdueAsync(Obligation obligation, ObligationPeriod period, PeriodStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        told.Enqueue((period.Id, status));
        return Task.CompletedTask;
    }
}
