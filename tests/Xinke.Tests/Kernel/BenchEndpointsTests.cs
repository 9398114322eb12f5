using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Bench;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

/// <summary>The load-test baselines exist only where scripts/bench turns them on, and only on loopback.</summary>
public abstract class BenchEndpointsTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : BenchEndpointsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BenchEndpointsTests(DatabaseKind.Postgres);

    // EF Core caches one model per context type for the whole test process, whichever host
    // builds it first: every class must contribute the same model parts, so this one adds the probe's too.
    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule();

    [Fact]
    public void By_default_no_bench_route_is_mapped()
    {
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText ?? string.Empty)
            .ToList();

        Assert.Contains(routes, route => route.StartsWith("/healthz", StringComparison.Ordinal));
        Assert.DoesNotContain(routes, route => route.StartsWith("/bench", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/bench/ping")]
    [InlineData("/bench/ef/code-counters")]
    [InlineData("/bench/raw/code-counters")]
    public async Task By_default_a_bench_path_answers_like_a_path_that_does_not_exist(string path)
    {
        var unknown = await Client.GetAsync("/no-such-page", Cancel);
        var response = await Client.GetAsync(path, Cancel);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(unknown.StatusCode, response.StatusCode);
        Assert.Equal(unknown.Headers.Location?.AbsolutePath, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Enabled_the_ping_answers_anonymously_in_plain_text()
    {
        await using var bench = Enabled();
        var response = await bench.CreateClient().GetAsync("/bench/ping", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("::1", "::1", StatusCodes.Status200OK)]
    [InlineData("10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    [InlineData("10.20.30.40", "127.0.0.1", StatusCodes.Status404NotFound)]
    public async Task Enabled_only_requests_over_loopback_are_answered(string remote, string local, int expected)
    {
        await using var bench = Enabled();
        var context = await bench.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/bench/ping";
            http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            http.Connection.LocalIpAddress = IPAddress.Parse(local);
        }, Cancel);

        Assert.Equal(expected, context.Response.StatusCode);
    }

    [Fact]
    public async Task Enabled_the_raw_floor_answers_the_same_rows_as_the_ef_query()
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "CodeCounters" ("Kind", "Year", "Last") VALUES ('INC', 2026, 7), ('CHG', 2025, 3), ('INC', 2025, 12)""", Cancel));
        await using var bench = Enabled();
        var client = bench.CreateClient();

        var ef = await ItemsAsync(client, "/bench/ef/code-counters");
        var raw = await ItemsAsync(client, "/bench/raw/code-counters");

        Assert.Equal("""[{"kind":"CHG","year":2025,"last":3},{"kind":"INC","year":2025,"last":12},{"kind":"INC","year":2026,"last":7}]""", ef);
        Assert.Equal(ef, raw);
    }

    [Fact]
    public async Task Enabled_on_an_address_beyond_loopback_the_app_refuses_to_start()
    {
        await using var exposed = Enabled(web => web
            .UseSetting("urls", "http://0.0.0.0:5080")
            .UseSetting("Xinke:Http:AllowPlainHttpBeyondLoopback", "true"));

        var error = Assert.Throws<InvalidOperationException>(() => exposed.CreateClient());
        Assert.Contains(BenchEndpoints.EnabledSetting, error.Message, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Enabled(Action<IWebHostBuilder>? configure = null) =>
        App.WithWebHostBuilder(web =>
        {
            web.UseSetting(BenchEndpoints.EnabledSetting, "true");
            configure?.Invoke(web);
        });

    private static async Task<string> ItemsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("items").GetRawText();
    }
}
