namespace Xinke.Kernel.Demo;

/// <summary>Runs every registered seeder in order, on an installation that holds no business records.</summary>
public sealed class DemoRunner(IEnumerable<IDemoSeeder> seeders, IEnumerable<IBusinessRecords> records, ILogger<DemoRunner> logger)
{
    public const string NotEmpty = "demo.installation_not_empty";

    public async Task<Result<IReadOnlyList<string>>> RunAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        foreach (var probe in records)
        {
            if (await probe.AnyAsync(cancellationToken))
            {
                return Error.Conflict(NotEmpty);
            }
        }

        var ran = new List<string>();
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            progress.Report(seeder.Name);
            await seeder.SeedAsync(size, progress, cancellationToken);
            logger.LogInformation("Demo seeder {Seeder} filled its part ({Size})", seeder.Name, size);
            ran.Add(seeder.Name);
        }

        return ran;
    }
}
