using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Audit;

public sealed class AuditOptionsTests
{
    [Theory]
    [InlineData("Xinke:Audit:RetentionDays", "182")]
    [InlineData("Xinke:Audit:HashAlgorithm", "md5")]
    [Trait("Req", "ACC-06")]
    public async Task A_setting_that_weakens_the_audit_stops_the_start(string key, string value)
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database);
        await using var weakened = app.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        Assert.ThrowsAny<OptionsValidationException>(() => weakened.CreateClient());
    }
}
