using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Modules.Assets;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Hosting;
using Xinke.Modules.Assets.Import;
using Xinke.Modules.Assets.Register;

namespace Xinke.Tests.Modules.Assets;

/// <summary>Every error code, export header, state, timeline kind and evidence text of the register has a Chinese and an English text.</summary>
public sealed class AssetsResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(Asset).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = new[] { typeof(AssetErrors), typeof(AssetTypeErrors), typeof(AssetHostingErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Requirement", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = AssetsApi.Columns(new Dictionary<long, string>(), new Dictionary<long, string>()).Select(c => c.HeaderKey);
        var enums = Enum.GetNames<AssetStatus>().Select(s => $"asset.status.{s}")
            .Concat(Enum.GetNames<AssetEventKind>().Select(k => $"asset.event.{k}"))
            .Concat(AssetDocuments.Categories.Select(c => $"asset.document.{c}"))
            .Concat([AssetsEvidence.KeyDevicesKey, AssetsEvidence.DocumentsKey, AssetsEvidence.ManagedKey, AssetsEvidence.ResponsibleKey, AssetsHomeGaps.DocumentsKey, AssetsHomeGaps.PlaceKey, "nav.assets"])
            .Concat([AssetImportProfile.UnknownTypeCode, AssetImportProfile.UnknownDepartmentCode, AssetImportProfile.AmbiguousDepartmentCode, AssetImportProfile.UnknownPersonCode, AssetImportProfile.InvalidNumberCode]);
        return [.. codes.Concat(headers).Concat(enums).Distinct()];
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
