using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xinke.Data;

namespace Xinke.Kernel.Crypto;

/// <summary>A column that holds sealed values: its quoted table and column, and its table's single-column key when it has one.</summary>
public sealed record SensitiveColumn(string Table, string Column, string? Key)
{
    /// <summary>Every <see cref="SensitiveAttribute"/> property of the model, as the columns that store it.</summary>
    public static IReadOnlyList<SensitiveColumn> Of(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = new List<SensitiveColumn>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var quotedTable = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table)}" : Quote(table);
            var key = entity.FindPrimaryKey()?.Properties is [var single] ? single.GetColumnName(store) : null;
            foreach (var property in entity.GetDeclaredProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null))
            {
                if (property.GetColumnName(store) is { } column)
                {
                    columns.Add(new SensitiveColumn(quotedTable, Quote(column), key is null ? null : Quote(key)));
                }
            }
        }

        return [.. columns.Distinct()];
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
