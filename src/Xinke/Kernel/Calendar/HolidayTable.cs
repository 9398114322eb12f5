using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinke.Kernel.Calendar;

/// <summary>
/// China's statutory days off and make-up working days (调休), per year, as the State Council
/// publishes them each November. The product ships the known years; the IT director adds the
/// next one when its notice appears.
/// </summary>
public sealed class HolidayTable
{
    private readonly Dictionary<DateOnly, string> daysOff = [];
    private readonly HashSet<DateOnly> makeUpWorkingDays = [];
    private readonly HashSet<int> years = [];

    public IReadOnlyCollection<int> Years => years;

    public static HolidayTable Shipped() => Of(ShippedYears().Values);

    /// <summary>The years shipped with the product, as published.</summary>
    public static IReadOnlyDictionary<int, HolidayYear> ShippedYears()
    {
        using var stream = typeof(HolidayTable).Assembly.GetManifestResourceStream("Xinke.cn-public-holidays.json")
            ?? throw new InvalidOperationException("The shipped holiday table is missing.");
        var file = JsonSerializer.Deserialize<HolidayFile>(stream) ?? throw new InvalidOperationException("The shipped holiday table is empty.");
        return file.Years.ToDictionary(
            y => int.Parse(y.Key, System.Globalization.CultureInfo.InvariantCulture),
            y => new HolidayYear(int.Parse(y.Key, System.Globalization.CultureInfo.InvariantCulture), y.Value.Holidays, y.Value.WorkingDays));
    }

    public static HolidayTable Of(IEnumerable<HolidayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var table = new HolidayTable();
        foreach (var year in years)
        {
            table.AddYear(year.Year, year.Holidays.SelectMany(h => h.Off.Select(d => (d, h.Name))), year.WorkingDays);
        }

        return table;
    }

    public void AddYear(int year, IEnumerable<(DateOnly Day, string Name)> off, IEnumerable<DateOnly> workingDays)
    {
        ArgumentNullException.ThrowIfNull(off);
        ArgumentNullException.ThrowIfNull(workingDays);
        years.Add(year);
        foreach (var (day, name) in off)
        {
            daysOff[day] = name;
        }

        makeUpWorkingDays.UnionWith(workingDays);
    }

    /// <summary>Whether the published arrangement of the day's year is known; otherwise only weekends count as off.</summary>
    public bool Knows(DateOnly day) => years.Contains(day.Year);

    /// <summary>A make-up working day is worked even on a weekend; a statutory day off is off even on a weekday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        makeUpWorkingDays.Contains(day) || (!daysOff.ContainsKey(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public string? HolidayName(DateOnly day) => daysOff.GetValueOrDefault(day);

    private sealed record HolidayFile([property: JsonPropertyName("years")] Dictionary<string, HolidayFileYear> Years);

    private sealed record HolidayFileYear(
        [property: JsonPropertyName("holidays")] List<Holiday> Holidays,
        [property: JsonPropertyName("workingDays")] List<DateOnly> WorkingDays);
}

/// <summary>One year's arrangement, in the shape the State Council publishes and the shipped file keeps.</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> WorkingDays);

/// <summary>A holiday and its whole days off (the statutory days and the weekend days moved around them).</summary>
public sealed record Holiday([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("off")] IReadOnlyList<DateOnly> Off);
