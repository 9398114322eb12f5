using System.Globalization;
using System.Reflection;
using System.Resources;
using Xinke.Modules.Organization.Leadership;
using Xinke.Modules.Organization.Posts;

namespace Xinke.Tests.Modules.Organization.Leadership;

/// <summary>Every error code, export header and state of the leadership group and the posts has a Chinese and an English text.</summary>
public sealed class LeadershipResourceKeysTests
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(LeadershipGroup).Assembly);

    public static TheoryData<string> Keys()
    {
        var codes = new[] { typeof(LeadershipErrors), typeof(PostErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.Name != "Requirement")
            .Select(f => (string)f.GetRawConstantValue()!);
        var headers = LeadershipApi.MeetingColumns.Select(c => c.HeaderKey)
            .Concat(LeadershipApi.DecisionColumns.Select(c => c.HeaderKey))
            .Concat(PostsApi.Columns.Select(c => c.HeaderKey));
        var enums = Enum.GetNames<GroupPosition>().Select(s => $"leadership.position.{s}")
            .Concat(Enum.GetNames<MeetingStatus>().Select(s => $"leadership.status.{s}"))
            .Concat(Enum.GetNames<PostStatus>().Select(s => $"post.status.{s}"))
            .Concat(["improvement.source.Decision", "evidence.org01.group", "evidence.org04.posts", "nav.leadership", "nav.posts"]);
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
