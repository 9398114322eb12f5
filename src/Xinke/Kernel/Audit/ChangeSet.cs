using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Xinke.Data;
using Xinke.Kernel.Privacy;

namespace Xinke.Kernel.Audit;

/// <summary>
/// The before/after of one changed entity as canonical JSON: properties in model order,
/// <c>{"Field":{"before":…,"after":…}}</c>, secrets masked.
/// </summary>
public static class ChangeSet
{
    public const string Mask = "***";

    public static string? Of(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(256);
        var written = 0;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in entry.Properties)
            {
                var changed = entry.State switch
                {
                    EntityState.Added => true,
                    EntityState.Deleted => true,
                    EntityState.Modified => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                    _ => false,
                };
                if (!changed)
                {
                    continue;
                }

                var shown = Shown(property.Metadata.PropertyInfo);
                json.WriteStartObject(property.Metadata.Name);
                if (entry.State != EntityState.Added)
                {
                    json.WritePropertyName("before");
                    Value(json, shown(property.OriginalValue));
                }

                if (entry.State != EntityState.Deleted)
                {
                    json.WritePropertyName("after");
                    Value(json, shown(property.CurrentValue));
                }

                json.WriteEndObject();
                written++;
            }

            json.WriteEndObject();
        }

        return written == 0 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Secrets never reach the chain; sensitive values reach it masked (DATA-09), for everyone:
    /// the chain cannot be re-encrypted or redacted later, so plaintext there would outlive any grant.
    /// </summary>
    private static Func<object?, object?> Shown(PropertyInfo? property)
    {
        if (property?.GetCustomAttribute<SecretAttribute>() is not null)
        {
            return _ => Mask;
        }

        return property?.GetCustomAttribute<SensitiveAttribute>() is { } sensitive
            ? value => value is null ? null : Masking.For(sensitive.Kind, value as string)
            : value => value;
    }

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or byte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case DateTime time:
                json.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                json.WriteStringValue($"<{bytes.Length} bytes>");
                break;
            case Enum:
                json.WriteStringValue(value.ToString());
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
