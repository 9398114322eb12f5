using System.Net;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel;

/// <summary>What an installation answers before anyone signs in: health, pages, headers, the API description.</summary>
public sealed class HostTests() : IntegrationTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task Healthz_answers_200()
    {
        var response = await Client.GetAsync("/healthz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Readyz_answers_200_when_the_database_is_migrated()
    {
        var response = await Client.GetAsync("/readyz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_home_page_leads_a_signed_out_visitor_to_the_login_page()
    {
        var response = await Client.GetAsync("/", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_is_chinese_by_default_and_english_by_cookie()
    {
        var chinese = await Client.GetStringAsync("/account/login", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");
        var english = await (await Client.SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("用户名", chinese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-US\">", english, StringComparison.Ordinal);
        Assert.Contains("User name", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_language_does_not_override_the_chinese_default_on_pages()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        var html = await (await Client.SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("用户名", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_security_headers()
    {
        var response = await Client.GetAsync("/account/login", Cancel);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_api_reference_is_served_offline_with_its_own_policy()
    {
        var response = await Client.GetAsync("/docs/api/", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("unsafe-inline", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("proxy.scalar.com", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var json = await Client.GetStringAsync("/openapi/v1.json", Cancel);

        Assert.Contains("\"title\": \"Xinke API\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_is_generated_once_and_then_served_from_the_cache()
    {
        using var first = await Client.GetAsync("/openapi/v1.json", Cancel);
        using var second = await Client.GetAsync("/openapi/v1.json", Cancel);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age.HasValue, "the second answer should come from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await second.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Metrics_are_exposed_in_prometheus_format()
    {
        await Client.GetAsync("/healthz", Cancel);

        var text = await Client.GetStringAsync("/metrics", Cancel);

        Assert.Contains("http_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_friendly_status_page()
    {
        var response = await Client.GetAsync("/status/404", Cancel);

        Assert.Contains("您要找的页面不存在", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
