namespace Xinke.Kernel.Demo;

public enum DemoSize
{
    Small,
    Large,
}

/// <summary>Fills one module's part of the demo hospital. Each module's issue adds its seeder.</summary>
public interface IDemoSeeder
{
    /// <summary>Seeders run in ascending order, so a module's seeder runs after those it needs.</summary>
    int Order { get; }

    string Name { get; }

    Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken);
}

/// <summary>Tells whether a module holds business records, so demo data is never mixed with a real hospital's.</summary>
public interface IBusinessRecords
{
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
