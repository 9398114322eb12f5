using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;

namespace Xinke.Tests.Infrastructure;

/// <summary>Xinke in-process, through its real HTTP pipeline, on one test's database.</summary>
public sealed class XinkeApp(TestDatabase database, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string FieldKey = "eGlua2UtdGVzdC1maWVsZA==";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // One field key for every test host, so they share one cached EF model.
        builder.UseSetting("Xinke:Crypto:FieldKey", FieldKey);

        // Tests deliver the outbox themselves, on their fake clock.
        builder.UseSetting("Xinke:Notifications:DeliveryEnabled", "false");
        // Background jobs would act on every test's data at their own times: a test that
        // needs them turns them on (JobOptions.Enabled) or runs a job itself.
        builder.UseSetting("Xinke:Jobs:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Test-only model parts (the probe module) are not in the product's migrations.
            services.ConfigureDbContext<XinkeDb>(options => options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
            // The product's key-stretching cost is for attackers, not for the thousands of
            // accounts the tests create and sign in: one iteration keeps the same hash format.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
            configureServices?.Invoke(services);
        });
    }

    public async Task<T> WithDbAsync<T>(Func<XinkeDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<XinkeDb>());
    }
}
