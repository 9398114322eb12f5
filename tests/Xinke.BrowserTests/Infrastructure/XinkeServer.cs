using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.BrowserTests.Infrastructure;

/// <summary>
/// Xinke on a real loopback port, so a real browser can reach it; one per test class, on its own
/// fresh SQLite database. The pages under test read no data that differs between providers, so
/// PostgreSQL is left to the integration tests. A test class that needs a test-only module
/// derives a server that adds it in <see cref="AddServices"/>.
/// </summary>
public class XinkeServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    /// <summary>The one-time password of the bootstrap administrators, so a test can walk their first log-in.</summary>
    public const string BootstrapPassword = "Erst-Anmeldung-2026";

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Origin => ClientOptions.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = database?.Settings ?? throw new InvalidOperationException("The database is created before the server starts.");
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("XINKE_BOOTSTRAP_PASSWORD", BootstrapPassword);
        // Hosts of parallel test classes would otherwise share one key ring file in the home folder.
        builder.ConfigureTestServices(services =>
        {
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            AddServices(services);
        });
    }

    /// <summary>Test-only services of a derived server (a probe module, its approval kinds).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
