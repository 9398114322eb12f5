namespace Xinke.Kernel.Calendar;

public static class CalendarErrors
{
    public const string InvalidYear = "calendar.invalid_year";
    public const string InvalidHoliday = "calendar.invalid_holiday";
    public const string DateOutsideYear = "calendar.date_outside_year";
    public const string DateTwice = "calendar.date_twice";
    public const string MakeUpNotWeekend = "calendar.make_up_not_weekend";
    public const string InvalidContent = "calendar.invalid_content";
}

/// <summary>What a year's arrangement must satisfy before it can change the calendars.</summary>
public static class HolidayYearRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int NameMaxLength = 50;

    /// <summary>
    /// Every date inside the year; no date listed twice (as two holidays' day, or as both a day
    /// off and a working day); a make-up working day is a Saturday or Sunday (any other day is
    /// a working day already); each holiday named and with at least one day.
    /// </summary>
    public static Result<HolidayYear> Check(int year, IReadOnlyList<Holiday>? holidays, IReadOnlyList<DateOnly>? workingDays)
    {
        if (year is < FirstYear or > LastYear)
        {
            return Error.Invalid(CalendarErrors.InvalidYear, "year", FirstYear, LastYear);
        }

        holidays ??= [];
        workingDays ??= [];
        var seen = new HashSet<DateOnly>();
        var named = new List<Holiday>();
        foreach (var holiday in holidays)
        {
            if (holiday is null || string.IsNullOrWhiteSpace(holiday.Name) || holiday.Name.Length > NameMaxLength || holiday.Off is not { Count: > 0 })
            {
                return Error.Invalid(CalendarErrors.InvalidHoliday, "holidays");
            }

            foreach (var day in holiday.Off)
            {
                if (Outside(year, day, "holidays") is { } outside)
                {
                    return outside;
                }

                if (!seen.Add(day))
                {
                    return Error.Invalid(CalendarErrors.DateTwice, "holidays", Text(day));
                }
            }

            named.Add(new Holiday(holiday.Name.Trim(), [.. holiday.Off.Order()]));
        }

        foreach (var day in workingDays)
        {
            if (Outside(year, day, "workingDays") is { } outside)
            {
                return outside;
            }

            if (!seen.Add(day))
            {
                return Error.Invalid(CalendarErrors.DateTwice, "workingDays", Text(day));
            }

            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return Error.Invalid(CalendarErrors.MakeUpNotWeekend, "workingDays", Text(day));
            }
        }

        return new HolidayYear(year, named, [.. workingDays.Order()]);
    }

    private static Error? Outside(int year, DateOnly day, string field) =>
        day.Year == year ? null : Error.Invalid(CalendarErrors.DateOutsideYear, field, Text(day), year);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
