using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinke.Kernel.Data.Paging;

/// <summary>
/// Where a page ended: the list and sort it belongs to, the last sort key and the last id.
/// Sent to clients as an opaque base64url string.
/// </summary>
public sealed record CursorPosition(
    [property: JsonPropertyName("l")] string List,
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("v")] JsonElement Value,
    [property: JsonPropertyName("i")] long Id)
{
    internal static CursorPosition Of<TKey>(TKey value, long id) =>
        new(string.Empty, string.Empty, JsonSerializer.SerializeToElement(value), id);

    internal TKey ValueAs<TKey>() =>
        Value.Deserialize<TKey>() ?? throw new FormatException("A cursor's key is null.");

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, out CursorPosition? position)
    {
        position = null;
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return false;
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            position = JsonSerializer.Deserialize<CursorPosition>(Convert.FromBase64String(base64));
            return position is { List: not null, Sort: not null };
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{List}/{Sort}@{Id}");
}
