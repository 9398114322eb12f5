using Microsoft.Extensions.Logging.Abstractions;
using Xinke.Kernel.Demo;

namespace Xinke.Tests.Kernel;

public sealed class DemoRunnerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeders_run_in_order_on_an_empty_installation()
    {
        var log = new List<string>();
        var runner = new DemoRunner([new Seeder("assets", 20, log), new Seeder("organization", 10, log)], [new Records(false)], NullLogger<DemoRunner>.Instance);

        var outcome = await runner.RunAsync(DemoSize.Small, new Progress<string>(), Cancel);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["organization", "assets"], log);
    }

    [Fact]
    public async Task An_installation_with_business_records_is_refused_and_nothing_is_seeded()
    {
        var log = new List<string>();
        var runner = new DemoRunner([new Seeder("organization", 10, log)], [new Records(false), new Records(true)], NullLogger<DemoRunner>.Instance);

        var outcome = await runner.RunAsync(DemoSize.Small, new Progress<string>(), Cancel);

        Assert.Equal(DemoRunner.NotEmpty, outcome.Error?.Code);
        Assert.Empty(log);
    }

    private sealed class Seeder(string name, int order, List<string> log) : IDemoSeeder
    {
        public int Order => order;

        public string Name => name;

        public Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
        {
            log.Add(name);
            return Task.CompletedTask;
        }
    }

    private sealed class Records(bool any) : IBusinessRecords
    {
        public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(any);
    }
}
