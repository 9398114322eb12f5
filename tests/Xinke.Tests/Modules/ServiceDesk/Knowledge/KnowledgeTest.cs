using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.ServiceDesk.Knowledge;

/// <summary>Calls of the knowledge-base API that the tests share, each checking its status.</summary>
public abstract class KnowledgeTest(Xinke.Data.DatabaseKind kind) : IdentityTest(kind)
{
    protected static async Task<long> CreateAsync(HttpClient client, string title, string body)
    {
        var created = await PostAsync(client, "/api/v1/kb", new { title, summary = (string?)null, bodyMarkdown = body });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    protected static async Task<long> PublishedAsync(HttpClient client, string title, string body)
    {
        var id = await CreateAsync(client, title, body);
        var published = await PostAsync(client, $"/api/v1/kb/{id}/publish");
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync(Cancel));
        return id;
    }

    protected static async Task<IReadOnlyList<long>> SearchAsync(HttpClient client, string q)
    {
        var hits = await client.GetFromJsonAsync<JsonElement>("/api/v1/kb/search?q=" + Uri.EscapeDataString(q), Cancel);
        return [.. hits.EnumerateArray().Select(h => h.GetProperty("id").GetInt64())];
    }
}
