using Cronos;

namespace Xinke.Kernel.Jobs;

/// <summary>When a job runs: a cron expression in the hospital's time zone, or a fixed interval.</summary>
public sealed class JobSchedule
{
    private readonly CronExpression? cron;
    private readonly TimeSpan interval;

    private JobSchedule(CronExpression? cron, TimeSpan interval)
    {
        this.cron = cron;
        this.interval = interval;
    }

    public static JobSchedule Every(TimeSpan interval) =>
        interval > TimeSpan.Zero ? new(null, interval) : throw new ArgumentOutOfRangeException(nameof(interval));

    /// <summary>A five-field cron expression (or six with seconds).</summary>
    public static JobSchedule Cron(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var format = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return new(CronExpression.Parse(expression, format), TimeSpan.Zero);
    }

    /// <summary>The first time after <paramref name="after"/> the job is due.</summary>
    public DateTimeOffset Next(DateTimeOffset after, TimeZoneInfo zone) =>
        cron is null ? after + interval : cron.GetNextOccurrence(after, zone) ?? DateTimeOffset.MaxValue;
}
