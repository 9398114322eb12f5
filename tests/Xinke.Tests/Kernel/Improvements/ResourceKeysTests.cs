using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Improvements;

namespace Xinke.Tests.Kernel.Improvements;

/// <summary>Every error code and export header of checklists, improvements and the calendar has a Chinese and an English text.</summary>
public sealed class ResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(ImprovementActions).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = new[] { typeof(ImprovementErrors), typeof(ChecklistErrors), typeof(CalendarErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.Name != "Requirement")
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = ImprovementsApi.Columns.Select(c => c.HeaderKey).Concat(ChecklistsApi.RunColumns.Select(c => c.HeaderKey));
        var enums = Enum.GetNames<ImprovementStatus>().Select(s => $"improvement.status.{s}")
            .Concat(Enum.GetNames<ImprovementSourceKind>().Select(s => $"improvement.source.{s}"))
            .Concat(Enum.GetNames<ChecklistKind>().Select(s => $"checklist.kind.{s}"))
            .Concat(Enum.GetNames<ChecklistRunState>().Select(s => $"checklist.state.{s}"));
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
        Assert.NotEqual(chinese, english);
    }
}
