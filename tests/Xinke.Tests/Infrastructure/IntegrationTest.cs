using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;

namespace Xinke.Tests.Infrastructure;

/// <summary>
/// Base of every HTTP integration test: a fresh database and a fresh app per test. A test
/// class derives twice, <c>OnSqlite</c> and <c>OnPostgres</c>; the PostgreSQL run is skipped
/// when no server was provided.
/// </summary>
public abstract class IntegrationTest(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? database;
    private XinkeApp? app;
    private HttpClient? client;

    protected DatabaseKind Kind { get; } = kind;

    protected XinkeApp App => app ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Client => client ?? throw new InvalidOperationException("Not started.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (Kind == DatabaseKind.Postgres && TestDatabases.PostgresServer is null)
        {
            Assert.Skip("No PostgreSQL server was provided (XINKE_TEST_POSTGRES); scripts/test starts one.");
        }

        database = await TestDatabases.CreateAsync(Kind);
        app = new XinkeApp(database, ConfigureServices, Settings);
        client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StartedAsync();
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Settings over the test host's defaults (e.g. no inline field key, so the data folder's key ring is used).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
