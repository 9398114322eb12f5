using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Modules.Assets.Labels;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Modules.Assets.Stocktakes;

namespace Xinke.Tests.Modules.Assets.Maintenance;

/// <summary>Every error code, export header, result, label size and evidence text of upkeep has a Chinese and an English text.</summary>
public sealed class UpkeepResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(MaintenancePlan).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = new[] { typeof(MaintenanceErrors), typeof(StocktakeErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Requirement", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = MaintenanceApi.PlanColumns.Select(c => c.HeaderKey)
            .Concat(MaintenanceApi.RecordColumns.Select(c => c.HeaderKey))
            .Concat(StocktakesApi.Columns.Select(c => c.HeaderKey))
            .Concat(StocktakesApi.LineColumns.Select(c => c.HeaderKey));
        var others = Enum.GetValues<MaintenanceResult>().Select(r => $"maintenance.result.{MaintenanceRecordDto.Wire(r)}")
            .Concat(LabelPreset.All.Select(p => $"labelspage.size.{p.Code}"))
            .Concat([MaintenanceEvidence.ReasonKey, "nav.maintenance", "nav.stocktakes", "nav.labels"]);
        return [.. codes.Concat(headers).Concat(others).Distinct()];
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_key_has_a_chinese_and_an_english_text(string key)
    {
        var chinese = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.GetString(key);
        var english = Resources.GetResourceSet(CultureInfo.GetCultureInfo("en-US"), createIfNotExists: true, tryParents: false)!.GetString(key);

        Assert.False(string.IsNullOrWhiteSpace(chinese), $"{key} has no zh-CN text");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no en-US text");
    }
}
