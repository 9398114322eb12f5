namespace Xinke.Kernel.Obligations;

/// <summary>
/// Told once when a period becomes late or missed, inside the transaction that records the change
/// (so an implementation that writes an outbox row commits or rolls back with it). The
/// notifications area implements this; until then <see cref="LoggingObligationNotifier"/> only logs.
/// </summary>
public interface IObligationNotifier
{
    Task PeriodOverdueAsync(Obligation obligation, ObligationPeriod period, PeriodStatus status, CancellationToken cancellationToken);
}

/// <summary>Writes the change to the log: no message leaves the server before the notifications area exists.</summary>
public sealed partial class LoggingObligationNotifier(ILogger<LoggingObligationNotifier> logger) : IObligationNotifier
{
    public Task PeriodOverdueAsync(Obligation obligation, ObligationPeriod period, PeriodStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(period);
        Log(logger, obligation.Id, period.Id, status, obligation.OwnerRef);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "Obligation {ObligationId} period {PeriodId} is {Status}; owner {Owner}")]
    private static partial void Log(ILogger logger, long obligationId, long periodId, PeriodStatus status, string owner);
}
