using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Modules.Assets.Loans;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>Every error code, export header and evidence text of the loans has a Chinese and an English text.</summary>
public sealed class LoansResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(AssetLoan).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = typeof(LoanErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(LoanErrors.Requirement))
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = LoansApi.Columns(DateTime.UnixEpoch).Select(c => c.HeaderKey);
        return [.. codes.Concat(headers).Concat([LoanEvidence.ReasonKey, "nav.asset_loans", "notice.kind.asset_loan_overdue"]).Distinct()];
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
