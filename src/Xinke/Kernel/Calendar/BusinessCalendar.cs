namespace Xinke.Kernel.Calendar;

/// <summary>
/// Working time as a calendar defines it: working periods on working days, in the hospital's
/// zone. SLA clocks, obligation grace periods and the duty roster all count with it.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly IReadOnlyList<WorkingPeriod> periods;
    private readonly HolidayTable? holidays;
    private readonly TimeZoneInfo zone;

    /// <summary>A calendar; <paramref name="holidays"/> is the statutory arrangement to observe, or null for one that works every day (7x24).</summary>
    public BusinessCalendar(string code, IReadOnlyList<WorkingPeriod> periods, HolidayTable? holidays, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0 || periods.Any(p => p.Length <= TimeSpan.Zero) || periods.Zip(periods.Skip(1)).Any(pair => pair.First.EndOfDayOffset > pair.Second.Start.ToTimeSpan()))
        {
            throw new ArgumentException("Working periods must be non-empty, ordered and not overlapping.", nameof(periods));
        }

        Code = code;
        this.periods = periods;
        this.holidays = holidays;
        this.zone = zone;
    }

    public string Code { get; }

    public bool IsWorkingDay(DateOnly day) => holidays?.IsWorkingDay(day) ?? true;

    /// <summary>The working time that passes between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var day = LocalDay(from);
        var lastDay = LocalDay(to);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in periods)
            {
                var (start, end) = Instants(day, period);
                var overlapStart = start > from ? start : from;
                var overlapEnd = end < to ? end : to;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount.Ticks, nameof(amount));
        var remaining = amount;
        var day = LocalDay(start);

        // A calendar with at least one working day a week reaches any amount; the bound only guards a broken table.
        for (var guard = 0; guard < 366 * 50; guard++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in periods)
            {
                var (periodStart, periodEnd) = Instants(day, period);
                if (periodEnd <= start)
                {
                    continue;
                }

                var from = periodStart > start ? periodStart : start;
                var available = periodEnd - from;
                if (remaining <= available)
                {
                    return (from + remaining).ToOffset(zone.GetUtcOffset(from + remaining));
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException($"Calendar {Code} has no working time to add {amount} to.");
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private (DateTimeOffset Start, DateTimeOffset End) Instants(DateOnly day, WorkingPeriod period)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return (Local(midnight + period.Start.ToTimeSpan()), Local(midnight + period.EndOfDayOffset));
    }

    private DateTimeOffset Local(DateTime local) => new(local, zone.GetUtcOffset(local));
}
