using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

public sealed class SignedOutTests(XinkeServer server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task Signed_out_visitor_is_sent_to_the_login_page()
    {
        await Session.GoToAsync("/");

        var url = new Uri(Page.Url);
        Assert.Equal(LoginPage.Path, url.AbsolutePath);
        Assert.Equal("?ReturnUrl=%2F", url.Query);
        await Expect(new LoginPage(Session).Heading).ToHaveTextAsync("登录");
    }
}
