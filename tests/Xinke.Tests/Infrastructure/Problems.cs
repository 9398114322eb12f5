using System.Net;
using System.Text.Json;

namespace Xinke.Tests.Infrastructure;

/// <summary>Reads an RFC 9457 problem and checks it is one.</summary>
public static class Problems
{
    public sealed record Problem(int Status, string? Code, string? Title, string? Detail, string? TraceId, IReadOnlyDictionary<string, string[]> Errors);

    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var errors = new Dictionary<string, string[]>();
        if (root.TryGetProperty("errors", out var errorsElement))
        {
            foreach (var field in errorsElement.EnumerateObject())
            {
                errors[field.Name] = [.. field.Value.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
            }
        }

        return new Problem(
            root.GetProperty("status").GetInt32(),
            Text(root, "code"),
            Text(root, "title"),
            Text(root, "detail"),
            Text(root, "traceId"),
            errors);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
