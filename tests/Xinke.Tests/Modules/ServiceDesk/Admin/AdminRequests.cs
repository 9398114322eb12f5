using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Modules.ServiceDesk.Admin;

/// <summary>Requests of the service desk's admin API tests: PATCH and DELETE with an optional If-Match.</summary>
internal static class AdminRequests
{
    public static async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpClient client, HttpMethod method, string url, string? ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    public static string ETag(JsonElement resource) => $"\"{resource.GetProperty("version").GetInt64()}\"";
}
