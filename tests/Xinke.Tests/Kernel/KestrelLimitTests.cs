using System.Net;
using System.Text;
using Xinke.Data;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

/// <summary>Limits that only the real server enforces, so these run on Kestrel, not the in-memory test server.</summary>
public sealed class KestrelLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database, services => services.AddProbeModule());
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();

        var name = new string('x', 2 * 1024 * 1024);
        using var content = new StringContent($"{{\"name\":\"{name}\",\"rank\":1}}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/test-probes", content, Cancel);

        Assert.Equal("request.too_large", (await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge)).Code);
    }

    [Fact]
    public async Task Plain_http_beyond_loopback_is_refused_without_a_certificate()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database);
        await using var exposed = app.WithWebHostBuilder(builder => builder.UseSetting("urls", "http://0.0.0.0:5080"));

        var error = Assert.Throws<InvalidOperationException>(() => exposed.CreateClient());

        Assert.Contains("Refusing to serve plain HTTP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_beyond_loopback_is_allowed_behind_a_declared_gateway()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database);
        await using var gateway = app.WithWebHostBuilder(builder => builder
            .UseSetting("urls", "http://0.0.0.0:5080")
            .UseSetting("Xinke:Http:AllowPlainHttpBeyondLoopback", "true"));

        using var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
    }
}
