namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// One table of records: its title and column headers as resource keys, and its rows, streamed.
/// Each header key names a column of every row, in order.
/// </summary>
public sealed record RecordSheet(string TitleKey, IReadOnlyList<string> HeaderKeys, IAsyncEnumerable<RecordRow> Rows);

/// <summary>
/// One record: its cell values (text, numbers, dates, UTC instants) and the attachments
/// (Kernel/Files ids) that prove it, which the pack carries along.
/// </summary>
public sealed record RecordRow(IReadOnlyList<object?> Cells, IReadOnlyList<long> AttachmentIds)
{
    public RecordRow(params object?[] cells)
        : this(cells, [])
    {
    }
}

/// <summary>Sheets from queries: each row read as the database streams it, never the whole result at once.</summary>
public static class RecordSheets
{
    public static RecordSheet Of<T>(string titleKey, IReadOnlyList<string> headerKeys, IQueryable<T> rows, Func<T, RecordRow> map)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(map);
        return new RecordSheet(titleKey, headerKeys, Stream(rows, map));
    }

    private static async IAsyncEnumerable<RecordRow> Stream<T>(IQueryable<T> rows, Func<T, RecordRow> map)
    {
        await foreach (var row in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsAsyncEnumerable(rows))
        {
            yield return map(row);
        }
    }
}
