using Microsoft.EntityFrameworkCore;

namespace Xinke.Data;

/// <summary>
/// The one database context of Xinke. It owns no entity itself: the kernel and every module
/// contribute their mappings through <see cref="XinkeModel"/>, so the per-provider migration
/// projects can reference this small assembly while the application references them.
/// </summary>
public sealed class XinkeDb(DbContextOptions<XinkeDb> options, XinkeModel model) : DbContext(options)
{
    public string ModelKey => model.Key;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        model.Configure(modelBuilder, Database.ProviderName ?? string.Empty);
    }
}
