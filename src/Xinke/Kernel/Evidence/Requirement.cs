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

public sealed record RequirementArea(string Code, LocalisedText Title);

/// <summary>
/// One rule of the regulations in the product's own words, with the thresholds its evidence
/// providers grade against (named numbers, read from the catalogue data, never from code).
/// </summary>
public sealed record Requirement(string Id, string Area, LocalisedText Title, LocalisedText Explanation, IReadOnlyDictionary<string, double> Thresholds);
