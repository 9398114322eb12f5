using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

/// <summary>
/// The ordered list of model parts; registered once at start-up. With a field protector, every
/// property marked <see cref="SensitiveAttribute"/> is stored through it (the design-time model
/// for migrations needs none: the column is text either way).
/// </summary>
public sealed class XinkeModel(IEnumerable<IModelPart> parts, IFieldProtector? protector = null)
{
    private readonly IModelPart[] parts = [.. parts];

    /// <summary>Names the parts and the field key set, so that contexts built on different ones never share a cached model.</summary>
    public string Key => string.Join(',', parts.Select(p => p.GetType().FullName)) + "|" + protector?.KeySetId;

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

        if (protector is not null)
        {
            ProtectSensitive(modelBuilder, protector.Freeze());
        }
    }

    private static void ProtectSensitive(ModelBuilder modelBuilder, IFieldProtector protector)
    {
        var converter = new ValueConverter<string, string>(plain => protector.Protect(plain), stored => protector.Unprotect(stored));
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null))
            {
                if (property.GetMaxLength() is not null)
                {
                    throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is sensitive: its column holds ciphertext, longer than the value, so it must not have a maximum length.");
                }

                property.SetValueConverter(converter);
            }
        }
    }
}
