namespace Xinke.Kernel.Calendar;

/// <summary>
/// The calendars of the installation: the office calendar (Monday–Friday 08:00–12:00 and
/// 14:00–17:30, observing statutory holidays and make-up working days) and 7x24 for critical
/// systems.
/// </summary>
public sealed class BusinessCalendars
{
    public const string Office = "office";
    public const string AroundTheClock = "7x24";

    private readonly Dictionary<string, BusinessCalendar> calendars;

    public BusinessCalendars(HospitalClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Holidays = HolidayTable.Shipped();
        calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal)
        {
            [Office] = new(Office, [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(14, 0), new TimeOnly(17, 30))], Holidays, clock.Zone),
            [AroundTheClock] = new(AroundTheClock, [new(TimeOnly.MinValue, TimeOnly.MaxValue)], null, clock.Zone),
        };
    }

    public HolidayTable Holidays { get; }

    public BusinessCalendar this[string code] => calendars.TryGetValue(code, out var calendar)
        ? calendar
        : throw new KeyNotFoundException($"No calendar '{code}'.");
}
