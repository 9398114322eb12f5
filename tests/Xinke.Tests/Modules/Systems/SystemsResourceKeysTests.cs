using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Modules.Systems;

namespace Xinke.Tests.Modules.Systems;

/// <summary>Every error code, export header and enum value of the register has a Chinese and an English text.</summary>
public sealed class SystemsResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(SystemRegister).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = typeof(SystemErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(SystemErrors.Requirement))
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = SystemsApi.Columns(new Dictionary<long, string>(), default, new SystemsOptions()).Select(c => c.HeaderKey);
        var enums = Enum.GetNames<SystemCriticality>().Select(c => $"system.criticality.{c}")
            .Concat(Enum.GetNames<SystemStatus>().Select(s => $"system.status.{s}"))
            .Concat(Enum.GetValues<DataClasses>().Where(c => c != DataClasses.None).Select(c => $"system.data_class.{c}"));
        return [.. codes.Concat(headers).Concat(enums).Concat([SystemsEvidence.ReasonKey, SystemsHomeGaps.OverdueKey, "nav.systems"]).Distinct()];
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_key_has_a_chinese_and_an_english_text(string key)
    {
        var chinese = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.GetString(key);
        var english = Resources.GetResourceSet(CultureInfo.GetCultureInfo("en-US"), createIfNotExists: true, tryParents: false)!.GetString(key);

        Assert.False(string.IsNullOrWhiteSpace(chinese), $"{key} has no zh-CN text");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no en-US text");
        Assert.NotEqual(chinese, english);
    }
}
