using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>A pack setting that cannot work (no timeout, no retention, no rows) stops the start instead of failing the first pack.</summary>
public sealed class EvidencePackOptionsTests
{
    [Theory]
    [InlineData("Xinke:EvidencePacks:CommandTimeoutSeconds", "-1")]
    [InlineData("Xinke:EvidencePacks:CommandTimeoutSeconds", "0")]
    [InlineData("Xinke:EvidencePacks:RetentionDays", "0")]
    [InlineData("Xinke:EvidencePacks:AbandonedAfterHours", "-6")]
    [InlineData("Xinke:EvidencePacks:HtmlRowsPerSheet", "0")]
    public async Task A_setting_out_of_its_range_stops_the_start(string key, string value)
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database);
        await using var misconfigured = app.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains(key.Split(':')[^1], refused.Message, StringComparison.Ordinal);
    }
}
