using System.Net;
using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel;

public sealed partial class LanguageSwitchTests() : IntegrationTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task Choosing_english_sets_the_cookie_and_returns_to_the_page()
    {
        var response = await SwitchAsync("en-US", "/account/login", withToken: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("en-US", Uri.UnescapeDataString(cookie), StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_foreign_return_address_goes_home_instead()
    {
        var response = await SwitchAsync("en-US", "https://attacker.example/phish", withToken: true);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unsupported_language_sets_no_cookie()
    {
        var response = await SwitchAsync("fr-FR", "/account/login", withToken: true);

        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_switch_without_the_antiforgery_token_is_refused()
    {
        var response = await SwitchAsync("en-US", "/account/login", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SwitchAsync(string culture, string returnUrl, bool withToken)
    {
        var page = await Client.GetAsync("/account/login", Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var fields = new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = returnUrl };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/culture") { Content = new FormUrlEncodedContent(fields) };
        foreach (var cookie in page.Headers.GetValues("Set-Cookie"))
        {
            request.Headers.Add("Cookie", cookie.Split(';')[0]);
        }

        return await Client.SendAsync(request, Cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
