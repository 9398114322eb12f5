using Microsoft.Extensions.Options;
using Xinke.Kernel;
using Xinke.Kernel.Calendar;

namespace Xinke.Tests.Kernel.Calendar;

/// <summary>
/// The office calendar: Monday–Friday 08:00–12:00 and 14:00–17:30 (7.5 working hours a day),
/// statutory holidays off, make-up Saturdays and Sundays worked, in Asia/Shanghai. Each
/// expectation is worked out by hand in the comment above it.
/// </summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly BusinessCalendars calendars = new(new HospitalClock(Options.Create(new HospitalOptions())));

    private BusinessCalendar Office => calendars[BusinessCalendars.Office];

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    [Fact]
    public void Eight_working_hours_from_friday_afternoon_end_on_monday_afternoon()
    {
        // Fri 11-20 16:00–17:30 = 1.5 h; Sat and Sun off; Mon 11-23 08:00–12:00 = 4 h (5.5 h), 14:00 + 2.5 h = 16:30.
        Assert.Equal(At(11, 23, 16, 30), Office.Add(At(11, 20, 16), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Eight_working_hours_skip_the_national_day_holiday()
    {
        // Wed 09-30 16:00–17:30 = 1.5 h; 10-01..10-07 off (国庆节, its weekend included); Thu 10-08 08:00–12:00 = 4 h (5.5 h), 14:00 + 2.5 h = 16:30.
        Assert.Equal(At(10, 8, 16, 30), Office.Add(At(9, 30, 16), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_make_up_saturday_is_worked()
    {
        // Fri 10-09 16:00–17:30 = 1.5 h; Sat 10-10 is a make-up working day: 08:00–12:00 = 4 h (5.5 h), 14:00 + 2.5 h = 16:30.
        Assert.Equal(At(10, 10, 16, 30), Office.Add(At(10, 9, 16), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Working_hours_cross_a_weekend_a_holiday_and_a_make_up_day_in_one_span()
    {
        // Wed 09-30 16:00–17:30 = 1.5 h; 10-01..10-07 off (a weekend inside); Thu 10-08 7.5 h (9 h); Fri 10-09 7.5 h (16.5 h);
        // Sat 10-10 (make-up) 7.5 h (24 h) -> the 24th hour ends at 17:30 that Saturday.
        Assert.Equal(At(10, 10, 17, 30), Office.Add(At(9, 30, 16), TimeSpan.FromHours(24)));

        // One hour more: Sun 10-11 off, Mon 10-12 08:00 + 1 h.
        Assert.Equal(At(10, 12, 9), Office.Add(At(9, 30, 16), TimeSpan.FromHours(25)));
    }

    [Fact]
    public void The_spring_festival_and_its_make_up_days_are_observed()
    {
        // Fri 02-13 16:00–17:30 = 1.5 h; Sat 02-14 is a make-up working day: 7.5 h (9 h); 02-15..02-23 off (春节);
        // Tue 02-24 08:00 + 3 h = 11:00 (12 h).
        Assert.Equal(At(2, 24, 11), Office.Add(At(2, 13, 16), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void A_start_outside_working_hours_counts_from_the_next_working_period()
    {
        // Sat 11-21 is off; Mon 11-23 08:00 + 30 min. A start in the lunch break counts from 14:00.
        Assert.Equal(At(11, 23, 8, 30), Office.Add(At(11, 21, 10), TimeSpan.FromMinutes(30)));
        Assert.Equal(At(11, 23, 14, 30), Office.Add(At(11, 23, 12, 15), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Working_time_between_counts_only_working_periods()
    {
        // Fri 11-20 16:00 -> Mon 11-23 16:30: 1.5 h + 4 h + 2.5 h = 8 h.
        Assert.Equal(TimeSpan.FromHours(8), Office.WorkingTimeBetween(At(11, 20, 16), At(11, 23, 16, 30)));

        // The whole national day week: nothing.
        Assert.Equal(TimeSpan.Zero, Office.WorkingTimeBetween(At(10, 1, 0), At(10, 8, 0)));
        Assert.Equal(TimeSpan.Zero, Office.WorkingTimeBetween(At(10, 8, 9), At(10, 8, 8)));
    }

    [Fact]
    public void Times_given_in_utc_are_counted_in_the_hospitals_zone()
    {
        // 2026-11-20 08:00Z is 16:00 in Beijing: the same answer as the first test, returned in Beijing time.
        var result = Office.Add(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(8));

        Assert.Equal(At(11, 23, 16, 30), result);
        Assert.Equal(Beijing, result.Offset);
    }

    [Fact]
    public void The_around_the_clock_calendar_ignores_weekends_and_holidays()
    {
        var critical = calendars[BusinessCalendars.AroundTheClock];

        Assert.Equal(At(10, 2, 0), critical.Add(At(10, 1, 0), TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromDays(7), critical.WorkingTimeBetween(At(10, 1, 0), At(10, 8, 0)));
    }

    [Theory]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-11-21", false)]
    [InlineData("2026-11-23", true)]
    [InlineData("2025-10-11", true)]
    [InlineData("2025-10-08", false)]
    public void The_shipped_table_knows_2025_and_2026(string day, bool working)
    {
        Assert.Equal(working, Office.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([2025, 2026], calendars.Holidays.Years.Order());
    }
}
