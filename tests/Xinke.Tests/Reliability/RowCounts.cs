using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Tests.Reliability;

/// <summary>
/// How many rows each table of the EF model holds, read in one statement so a test can take a
/// snapshot around every request it sends and name the tables a refused request changed.
/// </summary>
public static class RowCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> TakeAsync(XinkeDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => e.GetTableName()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }

            return counts;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The tables whose count differs, as "table before→after", leaving out the ones a refusal may write.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, IReadOnlySet<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(allowed);
        return [.. after.Where(a => !allowed.Contains(a.Key) && before.GetValueOrDefault(a.Key) != a.Value)
            .Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}")];
    }
}
