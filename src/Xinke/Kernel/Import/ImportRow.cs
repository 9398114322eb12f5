using System.Globalization;

namespace Xinke.Kernel.Import;

/// <summary>
/// One data row, read through the profile's columns: each accessor returns the cell's value or
/// records why it is unusable, so a row reports every bad cell at once, not only the first.
/// </summary>
public sealed class ImportRow
{
    private readonly SheetRow row;
    private readonly IReadOnlyDictionary<string, int> positions;
    private readonly List<(string Column, string Code, object[] Arguments)> problems = [];

    internal ImportRow(SheetRow row, IReadOnlyDictionary<string, int> positions)
    {
        this.row = row;
        this.positions = positions;
    }

    public int Number => row.Number;

    public bool HasProblems => problems.Count > 0;

    internal IReadOnlyList<(string Column, string Code, object[] Arguments)> Problems => problems;

    /// <summary>The trimmed text of a cell, null when the column is absent or the cell blank.</summary>
    public string? Cell(string key) =>
        positions.TryGetValue(key, out var index) && index < row.Cells.Length && !string.IsNullOrWhiteSpace(row.Cells[index])
            ? row.Cells[index]!.Trim()
            : null;

    public string? Text(string key, int maxLength, bool required = false)
    {
        var value = Cell(key);
        if (value is null)
        {
            if (required)
            {
                Reject(key, ImportErrors.Required);
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Reject(key, ImportErrors.TooLong, maxLength);
            return null;
        }

        return value;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var value = Text(key, 32, required);
        if (value is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return DateOnly.FromDateTime(at);
        }

        Reject(key, ImportErrors.InvalidDate, value);
        return null;
    }

    /// <summary>A value from a fixed set, matched against each choice's accepted spellings (Chinese, English, the code).</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(choices);
        var value = Text(key, 64, required);
        if (value is null)
        {
            return null;
        }

        foreach (var (spelling, choice) in choices)
        {
            if (string.Equals(spelling, value, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        Reject(key, ImportErrors.InvalidChoice, value);
        return null;
    }

    /// <summary>Rejects the row for a reason found by the profile (a rule of the record, a name that does not resolve).</summary>
    public void Reject(string column, string code, params object[] arguments) => problems.Add((column, code, arguments));
}
