using Microsoft.EntityFrameworkCore;

namespace Xinke.Data;

/// <summary>A piece of the model: the EF mappings one kernel area or module owns.</summary>
public interface IModelPart
{
    void Configure(ModelBuilder modelBuilder, DatabaseKind database);
}

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>The ordered list of model parts; registered once at start-up.</summary>
public sealed class XinkeModel(IEnumerable<IModelPart> parts)
{
    private readonly IModelPart[] parts = [.. parts];

    /// <summary>Names the parts, so that contexts built on different parts never share a cached model.</summary>
    public string Key => string.Join(',', parts.Select(p => p.GetType().FullName));

    public static DatabaseKind KindOf(string providerName) =>
        providerName.Contains("Npgsql", StringComparison.Ordinal) ? DatabaseKind.Postgres : DatabaseKind.Sqlite;

    public void Configure(ModelBuilder modelBuilder, string providerName)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var kind = KindOf(providerName);
        foreach (var part in parts)
        {
            part.Configure(modelBuilder, kind);
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }
}
