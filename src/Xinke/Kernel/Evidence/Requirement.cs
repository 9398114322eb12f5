using System.Globalization;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Evidence;

/// <summary>A text in each of the product's languages; zh-CN is the fallback.</summary>
public sealed record LocalisedText(IReadOnlyDictionary<string, string> Texts)
{
    public string For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var current = culture; !string.IsNullOrEmpty(current.Name); current = current.Parent)
        {
            if (Texts.TryGetValue(current.Name, out var text))
            {
                return text;
            }
        }

        var sameLanguage = Texts.FirstOrDefault(t => new CultureInfo(t.Key).TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName);
        if (sameLanguage.Value is not null)
        {
            return sameLanguage.Value;
        }

        return Texts.TryGetValue(Languages.Chinese, out var fallback) ? fallback : Texts.Values.First();
    }
}

/// <summary>A top node of a framework's tree: an area of the regulations, a chapter of a standard.</summary>
public sealed record RequirementArea(string Code, LocalisedText Title);

/// <summary>A value a requirement is graded against, and where the value comes from.</summary>
public sealed record Threshold(double Value, LocalisedText? Citation);

/// <summary>
/// One assessable rule of a framework in the product's own words, with the thresholds its
/// evidence is graded against (named numbers, read from the framework data, never from code).
/// A rule of a mapped framework names the rules of another framework whose records prove it; a
/// rule proved by written documents (a plan, rules in force) is marked <see cref="Documents"/>.
/// </summary>
public sealed record Requirement(
    string Id,
    string Area,
    LocalisedText Title,
    LocalisedText Explanation,
    IReadOnlyDictionary<string, Threshold> OwnThresholds,
    string? Source = null,
    int? Level = null,
    bool Verified = true,
    EvidenceMapping? EvidencedBy = null,
    bool Documents = false)
{
    /// <summary>The own thresholds as plain numbers.</summary>
    public IReadOnlyDictionary<string, double> Thresholds => OwnThresholds.ToDictionary(t => t.Key, t => t.Value.Value, StringComparer.Ordinal);
}

/// <summary>The rules of another framework whose evidence proves a rule: collect once, prove everywhere.</summary>
public sealed record EvidenceMapping(string Framework, IReadOnlyList<string> Requirements);
