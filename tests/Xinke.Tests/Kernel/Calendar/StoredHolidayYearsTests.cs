using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xinke.Kernel;
using Xinke.Kernel.Calendar;

namespace Xinke.Tests.Kernel.Calendar;

/// <summary>Stored years join the shipped ones, replace a shipped year of the same number, and are re-read after the cache expires.</summary>
public sealed class StoredHolidayYearsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
    private readonly Years stored = new();

    [Fact]
    public async Task A_stored_year_is_observed_and_changes_are_seen_after_the_cache_expires()
    {
        var calendars = new BusinessCalendars(new HospitalClock(Options.Create(new HospitalOptions())), stored, clock);
        stored.Content = [new HolidayYear(2027, [new Holiday("元旦", [new(2027, 1, 1)])], [])];

        var office = await calendars.GetAsync(BusinessCalendars.Office, TestContext.Current.CancellationToken);
        Assert.False(office.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal([2025, 2026, 2027], calendars.Holidays.Years.Order());

        // Sat 2027-01-02 becomes a make-up working day: unseen within the expiry, seen after it.
        stored.Content = [new HolidayYear(2027, [new Holiday("元旦", [new(2027, 1, 1)])], [new(2027, 1, 2)])];
        clock.Advance(BusinessCalendars.StoredYearsExpiry - TimeSpan.FromSeconds(1));
        Assert.False((await calendars.GetAsync(BusinessCalendars.Office, TestContext.Current.CancellationToken)).IsWorkingDay(new DateOnly(2027, 1, 2)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await calendars.GetAsync(BusinessCalendars.Office, TestContext.Current.CancellationToken)).IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.Equal(2, stored.Loads);
    }

    [Fact]
    public async Task A_stored_year_replaces_the_shipped_year_of_the_same_number()
    {
        var calendars = new BusinessCalendars(new HospitalClock(Options.Create(new HospitalOptions())), stored, clock);

        // Shipped 2026: 01-01..01-03 off and Sun 01-04 worked; the stored correction keeps only 01-01 off.
        stored.Content = [new HolidayYear(2026, [new Holiday("元旦", [new(2026, 1, 1)])], [])];
        var office = await calendars.GetAsync(BusinessCalendars.Office, TestContext.Current.CancellationToken);

        Assert.True(office.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.False(office.IsWorkingDay(new DateOnly(2026, 1, 4)));
        Assert.True(office.IsWorkingDay(new DateOnly(2026, 10, 1)));
    }

    [Theory]
    [InlineData(1999, "2027-01-01", null, CalendarErrors.InvalidYear)]
    [InlineData(2027, "2026-12-31", null, CalendarErrors.DateOutsideYear)]
    [InlineData(2027, "2027-01-01", "2027-01-01", CalendarErrors.DateTwice)]
    [InlineData(2027, "2027-01-01", "2027-01-04", CalendarErrors.MakeUpNotWeekend)]
    [InlineData(2027, "2027-01-01", "2028-01-02", CalendarErrors.DateOutsideYear)]
    public void A_year_that_breaks_a_rule_is_refused(int year, string off, string? working, string code)
    {
        var day = DateOnly.Parse(off, System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<DateOnly> workingDays = working is null ? [] : [DateOnly.Parse(working, System.Globalization.CultureInfo.InvariantCulture)];

        var result = HolidayYearRules.Check(year, [new Holiday("元旦", [day])], workingDays);

        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void The_same_day_in_two_holidays_or_a_holiday_without_days_is_refused()
    {
        Assert.Equal(CalendarErrors.DateTwice, HolidayYearRules.Check(2027, [new Holiday("春节", [new(2027, 2, 6)]), new Holiday("其他", [new(2027, 2, 6)])], []).Error?.Code);
        Assert.Equal(CalendarErrors.InvalidHoliday, HolidayYearRules.Check(2027, [new Holiday("春节", [])], []).Error?.Code);
        Assert.Equal(CalendarErrors.InvalidHoliday, HolidayYearRules.Check(2027, [new Holiday(" ", [new(2027, 2, 6)])], []).Error?.Code);
    }

    private sealed class Years : IStoredHolidayYears
    {
        public IReadOnlyList<HolidayYear> Content { get; set; } = [];

        public int Loads { get; private set; }

        public Task<IReadOnlyList<HolidayYear>> LoadAsync(CancellationToken cancellationToken)
        {
            Loads++;
            return Task.FromResult(Content);
        }
    }
}
