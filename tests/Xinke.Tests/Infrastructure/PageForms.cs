using System.Text.RegularExpressions;

namespace Xinke.Tests.Infrastructure;

/// <summary>Posts a page's form as a browser would: with the antiforgery token (and the version field, when the form has one) taken from the page.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string html, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value };
        if (ExpectedVersionPattern().Match(html) is { Success: true } version)
        {
            values["expectedVersion"] = version.Groups[1].Value;
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"expectedVersion\" value=\"([0-9]+)\"")]
    private static partial Regex ExpectedVersionPattern();
}
