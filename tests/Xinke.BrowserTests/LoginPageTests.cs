using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

public sealed class LoginPageTests(XinkeServer server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task Login_page_is_in_Chinese_by_default_even_for_a_browser_that_asks_for_English()
    {
        var login = await LoginPage.OpenAsync(Session);

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page).ToHaveTitleAsync("登录 · 信科");
        await Expect(login.Heading).ToHaveTextAsync("登录");
        await Expect(login.Field("用户名")).ToBeEditableAsync();
        await Expect(login.Field("密码")).ToBeEditableAsync();
        await Expect(login.SubmitButton).ToHaveTextAsync("登录");
        await Expect(login.SubmitButton).ToBeEnabledAsync();
        await Expect(login.Nav.Brand).ToContainTextAsync("信科");
        await Expect(login.Nav.ChosenLanguage).ToHaveTextAsync("中文");
    }

    [Fact]
    public async Task Login_page_has_no_console_errors_and_no_CSP_violations()
    {
        var login = await LoginPage.OpenAsync(Session);
        await Expect(login.SubmitButton).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        AssertNoPageErrors();
    }

    [Fact]
    public async Task Login_page_refuses_an_injected_inline_script()
    {
        // Proves the page's CSP blocks inline script and that a violation does reach the error
        // log, so the silence asserted above means something.
        await LoginPage.OpenAsync(Session);

        await Page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'document.body.dataset.injected = "ran"';
                document.body.append(script);
            }
            """);

        await Expect(Page.Locator("body")).Not.ToHaveAttributeAsync("data-injected", "ran");
        Assert.Contains(Session.Errors, error => error.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
