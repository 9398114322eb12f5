using System.Text.Json;
using System.Text.Json.Nodes;

namespace Xinke.Kernel.Web;

/// <summary>
/// RFC 7396 JSON merge patch on a flat input record: a member replaces the field of the same name
/// (in any case), a null clears it; the result is validated as a whole, as a create would be.
/// </summary>
public static class MergePatch
{
    public static Result<T> Apply<T>(T current, JsonElement patch, JsonSerializerOptions options)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return Error.Invalid("request.invalid", "body");
        }

        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        foreach (var member in patch.EnumerateObject())
        {
            var name = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase)) ?? member.Name;
            merged[name] = member.Value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(member.Value.GetRawText());
        }

        try
        {
            return Result<T>.Success(merged.Deserialize<T>(options)!);
        }
        catch (JsonException e)
        {
            return Error.Invalid("request.invalid", e.Path?.TrimStart('$', '.') is { Length: > 0 } field ? field : "body");
        }
    }
}
