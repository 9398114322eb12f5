using System.Globalization;

namespace Xinke.Kernel.Web.Export;

/// <summary>How cell values are written: times in the hospital's zone, text made formula-safe.</summary>
public static class CellText
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// A spreadsheet treats text starting with <c>= + - @</c> (or a tab or carriage return) as a
    /// formula: an apostrophe in front keeps it text (OWASP "CSV injection").
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    public static string Format(object? value, TimeZoneInfo zone) => value switch
    {
        null => string.Empty,
        string s => Neutralise(s),
        DateTime d => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateTimeOffset d => TimeZoneInfo.ConvertTime(d, zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(value.ToString() ?? string.Empty),
    };
}
