using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>
/// Builds the context for <c>dotnet ef migrations add</c>; <c>XINKE_EF_PROVIDER</c> picks the
/// provider (see scripts/add-migration). It reaches no database.
/// </summary>
public sealed class DesignTimeXinkeDbFactory : IDesignTimeDbContextFactory<XinkeDb>
{
    public XinkeDb CreateDbContext(string[] args) => Create(Environment.GetEnvironmentVariable("XINKE_EF_PROVIDER") ?? "sqlite");

    public static XinkeDb Create(string provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = "Host=localhost;Database=xinke_design",
                ["XINKE_DATA_DIR"] = Path.GetTempPath(),
            })
            .Build();
        var options = new DbContextOptionsBuilder<XinkeDb>();
        DataServices.Configure(options, new DatabaseOptions { Provider = provider }, configuration, new DataFolder(configuration));
        return new XinkeDb(options.Options, new XinkeModel(XinkeModules.ModelParts()));
    }
}
