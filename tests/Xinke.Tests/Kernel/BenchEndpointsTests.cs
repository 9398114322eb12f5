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
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Modules.Assets.Register;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

/// <summary>The load-test baselines exist only where scripts/bench turns them on, and only on loopback.</summary>
public abstract class BenchEndpointsTests(DatabaseKind kind) : IntegrationTest(kind)
{
    private static readonly string[] UnorderedTags = ["ZC-2026-000003", "ZC-2026-000001", "ZC-2026-000002", "ZC-2026-000004"];

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
    [InlineData("/bench/cursor/assets?sort=tag&value=%22IT-1%22&id=1")]
    [InlineData("/bench/raw/assets")]
    [InlineData("/bench/raw/assets-after?tag=IT-1&id=1")]
    [InlineData("/bench/raw/tickets")]
    [InlineData("/bench/raw/tickets-after?id=1")]
    [InlineData("/bench/raw/tickets-fault-p3")]
    [InlineData("/bench/raw/asset?id=1")]
    [InlineData("/bench/raw/ticket?id=1")]
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
    [InlineData("/bench/ping", "127.0.0.1", "127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("/bench/ping", "::1", "::1", StatusCodes.Status200OK)]
    [InlineData("/bench/ping", "10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/ping", "10.20.30.40", "127.0.0.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/cursor/assets", "127.0.0.1", "127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("/bench/cursor/assets", "10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/raw/assets", "127.0.0.1", "127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("/bench/raw/assets", "10.20.30.40", "127.0.0.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/raw/assets-after", "10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/raw/tickets", "127.0.0.1", "127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("/bench/raw/tickets", "10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/raw/tickets-after", "10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/raw/tickets-fault-p3", "10.20.30.40", "127.0.0.1", StatusCodes.Status404NotFound)]
    [InlineData("/bench/raw/asset", "10.20.30.40", "10.20.30.1", StatusCodes.Status404NotFound)]
    public async Task Enabled_only_requests_over_loopback_are_answered(string path, string remote, string local, int expected)
    {
        await using var bench = Enabled();
        var context = await bench.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = path;
            http.Request.QueryString = new QueryString("?sort=tag&value=%22IT-1%22&id=1");
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
    public async Task Enabled_the_cursor_helper_encodes_the_position_the_list_would_hand_out()
    {
        await using var bench = Enabled();
        var client = bench.CreateClient();

        var response = await client.GetAsync("/bench/cursor/assets?sort=tag&value=%22ZC-2026-000042%22&id=42", Cancel);
        var malformed = await client.GetAsync("/bench/cursor/assets?sort=tag&value=ZC-2026&id=42", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(CursorPosition.TryDecode(await response.Content.ReadAsStringAsync(Cancel), out var position));
        Assert.Equal(("assets", "tag", "ZC-2026-000042", 42L), (position!.List, position.Sort, position.Value.GetString(), position.Id));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Enabled_the_floor_of_a_deep_page_reads_after_the_keyset_in_its_query_string()
    {
        var ids = await SeedAssetsAsync();
        await using var bench = Enabled();
        var client = bench.CreateClient();

        var first = await ItemsAsync(client, "/bench/raw/assets");
        var deep = await ItemsAsync(client, $"/bench/raw/assets-after?tag=ZC-2026-000002&id={ids["ZC-2026-000002"]}");

        Assert.Equal(["ZC-2026-000001", "ZC-2026-000002", "ZC-2026-000003", "ZC-2026-000004"], Tags(first));
        Assert.Equal(["ZC-2026-000003", "ZC-2026-000004"], Tags(deep));
    }

    [Fact]
    public async Task Enabled_the_floor_of_a_detail_reads_the_record_its_id_names()
    {
        var ids = await SeedAssetsAsync();
        await using var bench = Enabled();
        var client = bench.CreateClient();

        var one = await ItemsAsync(client, $"/bench/raw/asset?id={ids["ZC-2026-000003"]}");
        var none = await ItemsAsync(client, "/bench/raw/asset?id=0");

        Assert.Equal(["ZC-2026-000003"], Tags(one));
        Assert.Empty(Tags(none));
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

    /// <summary>The assets of <see cref="UnorderedTags"/>, stored in that order; their ids by tag.</summary>
    private Task<Dictionary<string, long>> SeedAssetsAsync() =>
        App.WithDbAsync(async db =>
        {
            var department = new Department { Name = "信息中心", Kind = DepartmentKind.Department, Path = "/" };
            db.Add(department);
            await db.SaveChangesAsync(Cancel);
            var assets = UnorderedTags
                .Select(tag => new Asset { Tag = tag, TypeId = AssetType.BuiltIns[0].Id, OwningDepartmentId = department.Id, Status = AssetStatus.InUse })
                .ToList();
            db.AddRange(assets);
            await db.SaveChangesAsync(Cancel);
            return assets.ToDictionary(a => a.Tag, a => a.Id);
        });

    private static List<string?> Tags(string items)
    {
        using var json = JsonDocument.Parse(items);
        return [.. json.RootElement.EnumerateArray().Select(item => item.GetProperty("tag").GetString())];
    }

    private static async Task<string> ItemsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("items").GetRawText();
    }
}
