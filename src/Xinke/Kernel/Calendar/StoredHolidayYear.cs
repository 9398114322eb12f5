using System.Text.Json;
using System.Text.Json.Serialization;
using Xinke.Data;

namespace Xinke.Kernel.Calendar;

/// <summary>
/// A holiday year the IT director entered, kept as JSON in the shape of the shipped file
/// (<c>{ "holidays": [{ "name", "off": [...] }], "workingDays": [...] }</c>): the year is
/// always read and replaced whole, never queried inside.
/// </summary>
public sealed class StoredHolidayYear : IVersioned
{
    public int Year { get; set; }

    public required string Content { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long? UpdatedById { get; set; }

    public long Version { get; set; }

    public HolidayYear ToHolidayYear()
    {
        var content = JsonSerializer.Deserialize<YearContent>(Content) ?? throw new InvalidOperationException($"Stored holiday year {Year} is empty.");
        return new HolidayYear(Year, content.Holidays, content.WorkingDays);
    }

    public static string Serialize(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return JsonSerializer.Serialize(new YearContent([.. year.Holidays], [.. year.WorkingDays]), Options);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record YearContent(
        [property: JsonPropertyName("holidays")] List<Holiday> Holidays,
        [property: JsonPropertyName("workingDays")] List<DateOnly> WorkingDays);
}
