using Cronos;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// An obligation's schedule: each scheduled time starts a period that ends at the next one.
/// Times are worked out in the hospital's time zone (a monthly duty starts at local midnight).
/// </summary>
public abstract class ObligationSchedule
{
    /// <summary>Periods never begin more than this far apart; longer gaps mean a mistyped rule.</summary>
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366 * 5);

    public static ObligationSchedule? Parse(ScheduleKind kind, string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Length > Obligation.ScheduleMaxLength)
        {
            return null;
        }

        try
        {
            ObligationSchedule schedule = kind switch
            {
                ScheduleKind.Cron => new CronSchedule(CronExpression.Parse(expression.Trim(), CronFormat.Standard)),
                ScheduleKind.Rrule => new RRuleSchedule(new RecurrencePattern(expression.Trim())),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };

            // A rule that never fires, or fires once, describes no recurring duty.
            var probe = schedule.Occurrences(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc).Take(2).ToList();
            return probe.Count == 2 && probe[1] - probe[0] <= LongestPeriod ? schedule : null;
        }
        catch (Exception ex) when (ex is CronFormatException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The scheduled instants (UTC) at or after <paramref name="fromUtc"/>, in order.</summary>
    public abstract IEnumerable<DateTime> Occurrences(DateTime fromUtc, TimeZoneInfo zone);

    private sealed class CronSchedule(CronExpression cron) : ObligationSchedule
    {
        public override IEnumerable<DateTime> Occurrences(DateTime fromUtc, TimeZoneInfo zone)
        {
            var next = cron.GetNextOccurrence(fromUtc, zone, inclusive: true);
            while (next is { } at)
            {
                yield return at;
                next = cron.GetNextOccurrence(at, zone, inclusive: false);
            }
        }
    }

    private sealed class RRuleSchedule(RecurrencePattern rule) : ObligationSchedule
    {
        public override IEnumerable<DateTime> Occurrences(DateTime fromUtc, TimeZoneInfo zone)
        {
            // The rule runs from the first instant asked for, in the hospital's wall-clock time.
            var local = TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone);
            var calendarEvent = new CalendarEvent { DtStart = new CalDateTime(local, zone.Id, hasTime: true), RecurrenceRule = rule };
            return calendarEvent.GetOccurrences(calendarEvent.DtStart, null).Select(o => o.Period.StartTime.AsUtc);
        }
    }
}
