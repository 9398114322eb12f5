using System.Collections;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Reliability;

/// <summary>One malformed request: what it tries, and how to build it (content is single-use).</summary>
public sealed record BadInput(string Case, HttpMethod Method, string Url, Func<HttpContent?> Content);

/// <summary>
/// The malformed requests for one write endpoint, derived from what the endpoint declares: its
/// route parameters, the type its JSON body binds to (property by property), or its upload body.
/// </summary>
public static partial class BadInputCorpus
{
    /// <summary>Past <see cref="long.MaxValue"/>: no integer field can hold it.</summary>
    private const string BeyondInt64 = "9223372036854775808";

    public const string MissingRequiredFields = "missing required fields";

    public static IEnumerable<BadInput> For(RouteEndpoint endpoint, string method, int beyondLongestField, long bodyLimit, long uploadLimit)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var verb = new HttpMethod(method);
        var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        var url = PlausibleUrl(route);

        foreach (var input in BadRouteValues(verb, route))
        {
            yield return input;
        }

        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        if (endpoint.Metadata.GetMetadata<UploadAttribute>() is not null)
        {
            var multipart = accepts?.ContentTypes.Any(c => c.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) == true;
            foreach (var input in multipart ? MalformedMultipart(verb, url, uploadLimit) : MalformedFiles(verb, url, uploadLimit))
            {
                yield return input;
            }

            yield break;
        }

        if (accepts?.RequestType is not { } bodyType)
        {
            // Nothing to bind: the verb acts on the route alone, which the route cases cover.
            yield break;
        }

        foreach (var input in MalformedJson(verb, url, bodyType, accepts.IsOptional, beyondLongestField, bodyLimit))
        {
            yield return input;
        }
    }

    /// <summary>Route parameters filled with an id that the demo hospital holds (1) or the current year.</summary>
    public static string PlausibleUrl(string route) =>
        RouteParameter().Replace(route, m => m.Groups["name"].Value == "year" ? "2026" : "1");

    private static IEnumerable<BadInput> BadRouteValues(HttpMethod verb, string route)
    {
        if (!RouteParameter().IsMatch(route))
        {
            yield break;
        }

        yield return new("route value not a number", verb, RouteParameter().Replace(route, "abc"), Json("{}"));
        yield return new("route value beyond int64", verb, RouteParameter().Replace(route, BeyondInt64), Json("{}"));
        yield return new("route value negative", verb, RouteParameter().Replace(route, "-1"), Json("{}"));
    }

    private static IEnumerable<BadInput> MalformedJson(HttpMethod verb, string url, Type bodyType, bool optional, int beyondLongestField, long bodyLimit)
    {
        var members = Members(bodyType);
        var first = members.FirstOrDefault()?.Name ?? "name";
        if (!optional)
        {
            yield return new("empty body", verb, url, () => Json(string.Empty)());
            yield return new("wrong content type", verb, url, () => new StringContent("{}", Encoding.UTF8, "text/plain"));
        }

        yield return new("truncated JSON", verb, url, Json($"{{\"{first}\":"));
        yield return new("JSON array for an object", verb, url, Json("[]"));
        yield return new("invalid UTF-8", verb, url, () => Bytes([.. Encoding.UTF8.GetBytes($"{{\"{first}\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")], "application/json"));
        yield return new("nested 5,000 deep", verb, url, Json($"{{\"{first}\":{new string('[', 5000)}{new string(']', 5000)}}}"));
        yield return new("duplicate keys", verb, url, Json($"{{\"{first}\":{Sample(members.FirstOrDefault())},\"{first}\":{Sample(members.FirstOrDefault())}}}"));
        yield return new("body over the size limit", verb, url, Json($"{{\"{first}\":\"{new string('x', (int)bodyLimit + 1024)}\"}}"));

        if (members.Any(m => m.Required))
        {
            yield return new(MissingRequiredFields, verb, url, Json("{}"));
        }

        if (members.Count > 0)
        {
            yield return new("wrong JSON types", verb, url, Json(Object(members, WrongType)));
        }

        // As many over-long strings per request as fit under the body limit: this case is about the fields, not the size.
        var huge = JsonSerializer.Serialize(new string('长', beyondLongestField));
        var perRequest = (int)Math.Max(1, bodyLimit / 2 / Encoding.UTF8.GetByteCount(huge));
        foreach (var strings in members.Where(m => m.Type == typeof(string)).Chunk(perRequest))
        {
            yield return new($"strings of {beyondLongestField} characters ({string.Join(", ", strings.Select(m => m.Name))})", verb, url, Json(Object(strings, _ => huge)));
        }

        var numbers = members.Where(m => IsNumber(m.Type)).ToList();
        if (numbers.Count > 0)
        {
            yield return new("negative numbers", verb, url, Json(Object(numbers, _ => "-1")));
            yield return new("int64 max + 1", verb, url, Json(Object(numbers, _ => BeyondInt64)));
            yield return new("1e400", verb, url, Json(Object(numbers, _ => "1e400")));
        }

        var enums = members.Where(m => m.Type.IsEnum).ToList();
        if (enums.Count > 0)
        {
            yield return new("unknown enum values", verb, url, Json(Object(enums, _ => "\"no-such-value\"")));
        }
    }

    /// <summary>Upload bodies that are not a spreadsheet: nothing may be imported from them.</summary>
    private static IEnumerable<BadInput> MalformedFiles(HttpMethod verb, string url, long bodyLimit)
    {
        yield return new("empty file", verb, url, () => Bytes([], "application/octet-stream"));
        yield return new("binary noise", verb, url, () => Bytes([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], "application/octet-stream"));
        yield return new("truncated xlsx", verb, url, () => Bytes([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xFF, 0xFF], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        yield return new("CSV with broken quoting", verb, url, () => Bytes(Encoding.UTF8.GetBytes("a,b\n\"unterminated,1\n"), "text/csv"));
        yield return new("unknown query values", verb, url + "?mode=sideways&dryRun=perhaps", () => Bytes(Encoding.UTF8.GetBytes("a,b\n1,2\n"), "text/csv"));
        yield return new("file beyond the upload limit", verb, url, () => Bytes(new byte[bodyLimit + 1024], "text/csv"));
    }

    private static IEnumerable<BadInput> MalformedMultipart(HttpMethod verb, string url, long bodyLimit)
    {
        yield return new("empty body", verb, url, () => Bytes([], "multipart/form-data; boundary=b"));
        yield return new("multipart without a boundary", verb, url, () => Bytes(Encoding.ASCII.GetBytes("--b\r\n\r\n"), "multipart/form-data"));
        yield return new("multipart cut short", verb, url, () => Bytes(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7"), "multipart/form-data; boundary=b"));
        yield return new("multipart with no file", verb, url, () => new MultipartFormDataContent("b") { { new StringContent("x"), "ownerType" } });
        yield return new("multipart with non-numeric fields", verb, url, () =>
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return new MultipartFormDataContent("b") { { new StringContent("x"), "ownerType" }, { new StringContent(BeyondInt64), "ownerId" }, { file, "file", "a.pdf" } };
        });
        yield return new("JSON for a form", verb, url, Json("{\"ownerType\":1}"));
        yield return new("file beyond the upload limit", verb, url, () => new MultipartFormDataContent("b") { { new ByteArrayContent(new byte[bodyLimit + 1024]), "file", "big.pdf" } });
    }

    private static string WrongType(Member member) => member.Type switch
    {
        _ when member.Type == typeof(string) => "12345",
        _ when IsNumber(member.Type) || member.Type == typeof(bool) || member.Type.IsEnum => "{\"not\":\"a value\"}",
        _ when member.Type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(member.Type) => "\"not a list\"",
        _ => "\"not-a-value\"",
    };

    private static string Sample(Member? member) => member is null || member.Type == typeof(string) ? "\"x\"" : WrongType(member);

    private static string Object(IEnumerable<Member> members, Func<Member, string> value) =>
        "{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{value(m)}")) + "}";

    private static Func<HttpContent?> Json(string text) => () => new StringContent(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(decimal) || type == typeof(double) || type == typeof(float);

    private sealed record Member(string Name, Type Type, bool Required);

    /// <summary>The body's JSON members as the API's camel-case serializer names them; required = not nullable.</summary>
    private static List<Member> Members(Type bodyType)
    {
        if (bodyType.IsPrimitive || bodyType == typeof(string) || bodyType == typeof(JsonElement) || typeof(IEnumerable).IsAssignableFrom(bodyType))
        {
            return [];
        }

        var nullability = new NullabilityInfoContext();
        return [.. bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new Member(
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType,
                !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull))];
    }

    [GeneratedRegex(@"\{(?<name>[^}:]+)(:[^}]+)?\}")]
    private static partial Regex RouteParameter();
}
