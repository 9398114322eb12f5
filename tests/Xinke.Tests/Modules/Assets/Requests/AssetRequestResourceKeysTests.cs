using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Assets.Scrapping;

namespace Xinke.Tests.Modules.Assets.Requests;

/// <summary>Every error code, export header, state, notice and evidence text of device requests has a Chinese and an English text.</summary>
public sealed class AssetRequestResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(AssetRequest).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = typeof(AssetRequestErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(AssetRequestErrors.Requirement))
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = AssetRequestsApi.Columns(new Dictionary<long, string>(), new Dictionary<long, string>()).Select(c => c.HeaderKey);
        var states = Enum.GetNames<AssetRequestStatus>().Select(s => $"asset_request.status.{s}");
        string[] texts =
        [
            AssetRequestEvidence.ReasonKey, RepairEvidence.ReasonKey, ScrapEvidence.ReasonKey, "nav.asset_requests",
            "notice.asset_request.approved", "notice.asset_request.rejected", "notice.asset_request.expired", "notice.asset_request.fulfilled", "notice.asset_request.closed",
            "notice.kind.asset_request_decided", "notice.kind.asset_request_fulfilled",
        ];
        return [.. codes.Concat(headers).Concat(states).Concat(texts).Distinct()];
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
