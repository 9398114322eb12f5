namespace Xinke.Kernel.Obligations;

/// <summary>
/// Told once when a period becomes late or missed, inside the transaction that records the change
/// (so the notices it queues commit or roll back with it).
/// </summary>
public interface IObligationNotifier
{
    Task PeriodOverdueAsync(Obligation obligation, ObligationPeriod period, PeriodStatus status, CancellationToken cancellationToken);
}
