using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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

                var secret = property.Metadata.PropertyInfo?.GetCustomAttribute<SecretAttribute>() is not null;
                json.WriteStartObject(property.Metadata.Name);
                if (entry.State != EntityState.Added)
                {
                    json.WritePropertyName("before");
                    Value(json, secret ? Mask : property.OriginalValue);
                }

                if (entry.State != EntityState.Deleted)
                {
                    json.WritePropertyName("after");
                    Value(json, secret ? Mask : property.CurrentValue);
                }

                json.WriteEndObject();
                written++;
            }

            json.WriteEndObject();
        }

        return written == 0 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
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
