using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

public sealed class StatusPageTests(XinkeServer server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task Unknown_page_shows_the_friendly_status_page()
    {
        var response = await Session.GoToAsync("/no-such-page");

        Assert.Equal(404, response?.Status);
        Assert.Equal("/no-such-page", new Uri(Page.Url).AbsolutePath);
        var status = new StatusPage(Session);
        await Expect(status.Heading).ToHaveTextAsync("页面不可用");
        await Expect(status.Message).ToHaveTextAsync("您要找的页面不存在。");
        await Expect(status.BackLink).ToHaveTextAsync("返回首页");
        await Expect(status.BackLink).ToHaveAttributeAsync("href", "/");
    }
}
