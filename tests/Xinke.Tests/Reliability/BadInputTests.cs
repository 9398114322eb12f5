using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Reliability;

/// <summary>
/// Every write endpoint the app maps, sent a corpus of malformed requests by a caller who holds
/// every role: each must be a 4xx problem with a stable code, never a 5xx, and must leave every
/// table as it was but the audit trail of the refusals. A module's new endpoint joins by being mapped.
/// Runs on Kestrel, the only server that enforces the body size limits.
/// </summary>
public abstract class BadInputTests(DatabaseKind kind) : IdentityTest(kind)
{
    private const long UploadTestBytes = 512 * 1024;

    /// <summary>What a refused request may still write: the audit of the refusal.</summary>
    private static readonly HashSet<string> MayChange = new(StringComparer.Ordinal) { AuditModel.EventsTable, AuditModel.HeadTable };

    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Signing out would end the session every other case runs in; it takes no input.</summary>
    private static readonly string[] Skipped = ["DELETE /api/v1/session"];

    /// <summary>
    /// Endpoints for which an empty object is a whole, valid request: the notification settings
    /// take the e-mail alone (left out, it is cleared) and keep the kinds that are not named.
    /// </summary>
    private static readonly string[] EmptyObjectIsValid = ["PUT /api/v1/me/notification-settings"];

    [Fact]
    public async Task Every_write_endpoint_refuses_malformed_input_with_a_4xx_problem_and_changes_nothing()
    {
        await using var seed = App.Services.CreateAsyncScope();
        var demo = await seed.ServiceProvider.GetRequiredService<DemoRunner>().RunAsync(DemoSize.Small, new Progress<string>(), Cancel);
        Assert.True(demo.Succeeded, demo.Error?.Code);

        // A free port of its own: the configured default (5080) may be taken by another server or test.
        await using var server = App.WithWebHostBuilder(builder => builder
            .UseSetting("urls", "http://127.0.0.1:0")
            .UseSetting("Xinke:Files:MaxBytes", UploadTestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        server.UseKestrel();
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(address) });
        await SignInAsync(await CreateUserAsync("corpus-everyone", BuiltInRoles.All), client);

        var bodyLimit = server.Services.GetRequiredService<IOptions<HttpOptions>>().Value.MaxRequestBodyBytes;
        var uploadLimit = UploadLimits.BodyLimit(server.Services.GetRequiredService<IOptions<FilesOptions>>().Value);
        var beyondLongestField = await WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Max(p => p.GetMaxLength() ?? 0) + 1));

        // A running installation has been read before it is written to: defaults stored on first read
        // (approval policies) must not be taken for a refused request's change.
        foreach (var list in ApiEndpoints(server.Services).Where(e => e.Method == "GET" && !e.Key.Contains('{', StringComparison.Ordinal)))
        {
            using var read = await SendAsync(client, HttpMethod.Get, list.Key["GET ".Length..]);
        }

        var failures = new List<string>();
        var sent = 0;
        foreach (var (key, method, endpoint) in WriteEndpoints(server.Services))
        {
            var before = await WithDbAsync(db => RowCounts.TakeAsync(db, Cancel));
            foreach (var input in BadInputCorpus.For(endpoint, method, beyondLongestField, bodyLimit, uploadLimit)
                .Where(i => !(i.Case == BadInputCorpus.MissingRequiredFields && EmptyObjectIsValid.Contains(key))))
            {
                sent++;
                var verdict = await SendAndJudgeAsync(client, input);
                if (verdict is not null)
                {
                    failures.Add($"| {method} | {input.Url} | {input.Case} | {verdict} |");
                }
            }

            var changed = RowCounts.Changes(before, await WithDbAsync(db => RowCounts.TakeAsync(db, Cancel)), MayChange);
            if (changed.Count > 0)
            {
                failures.Add($"| {key} | | database changed | {string.Join(", ", changed)} |");
            }
        }

        Assert.True(sent > 500, $"Only {sent} malformed requests were sent: the endpoint list looks wrong.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were not refused cleanly:\n| method | route | case | answer |\n|---|---|---|---|\n{string.Join('\n', failures)}");
    }

    /// <summary>Null when the answer is a 4xx problem with a code from a signed-in caller; otherwise what was wrong.</summary>
    private static async Task<string?> SendAndJudgeAsync(HttpClient client, BadInput input)
    {
        using var request = new HttpRequestMessage(input.Method, input.Url) { Content = input.Content() };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        // Kestrel closes the connection after refusing an oversized body: the next case must not inherit it.
        request.Headers.ConnectionClose = input.Case.Contains("limit", StringComparison.Ordinal);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, Cancel);
        }
        catch (HttpRequestException e)
        {
            // Kestrel may answer 413 and close before the whole body is sent: the refusal is what matters.
            return input.Case.Contains("limit", StringComparison.Ordinal) ? null : $"connection failed: {e.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(Cancel);
            var code = ProblemCode(response, body);
            if (status is < 400 or >= 500 || code is null || code == "request.unauthenticated")
            {
                return $"{status} {code ?? Shorten(body)}";
            }

            return null;
        }
    }

    private static string? ProblemCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string body)
    {
        var flat = new StringBuilder(body.Length).Append(body).Replace('\n', ' ').Replace('|', '/').ToString();
        return flat.Length > 120 ? flat[..120] + "…" : flat;
    }

    private static IEnumerable<(string Key, string Method, RouteEndpoint Endpoint)> WriteEndpoints(IServiceProvider services) =>
        ApiEndpoints(services).Where(e => WriteMethods.Contains(e.Method) && !Skipped.Contains(e.Key));

    private static IEnumerable<(string Key, string Method, RouteEndpoint Endpoint)> ApiEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(ApiPaths.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Key: $"{m} /{e.RoutePattern.RawText!.Trim('/')}", Method: m, Endpoint: e)))
            .OrderBy(e => e.Key, StringComparer.Ordinal);

    public sealed class OnSqlite() : BadInputTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BadInputTests(DatabaseKind.Postgres);
}
