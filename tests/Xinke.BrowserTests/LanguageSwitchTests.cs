using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;
using Xinke.Kernel.Web;

namespace Xinke.BrowserTests;

public sealed class LanguageSwitchTests(XinkeServer server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task Switching_to_English_shows_English_texts_and_sticks_on_the_next_page_load()
    {
        var login = await LoginPage.OpenAsync(Session);

        await login.Nav.SwitchToAsync(Languages.English);

        Assert.Equal(LoginPage.Path, new Uri(Page.Url).AbsolutePath);
        await Expect(login.Heading).ToHaveTextAsync("Sign in");
        await Expect(login.Field("User name")).ToBeEditableAsync();
        await Expect(login.Field("Password")).ToBeEditableAsync();
        await Expect(login.SubmitButton).ToHaveTextAsync("Sign in");
        await Expect(login.Nav.ChosenLanguage).ToHaveTextAsync("English");

        await Session.GoToAsync("/no-such-page");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", Languages.English);
        await Expect(new StatusPage(Session).Message).ToHaveTextAsync("The page you are looking for does not exist.");

        login = await LoginPage.OpenAsync(Session);

        await Expect(login.Heading).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task Switching_back_to_Chinese_shows_Chinese_texts_again()
    {
        var login = await LoginPage.OpenAsync(Session);
        await login.Nav.SwitchToAsync(Languages.English);
        await Expect(login.Heading).ToHaveTextAsync("Sign in");

        await login.Nav.SwitchToAsync(Languages.Chinese);

        await Expect(login.Heading).ToHaveTextAsync("登录");
        await Expect(login.Field("用户名")).ToBeEditableAsync();
        await Expect(login.Nav.ChosenLanguage).ToHaveTextAsync("中文");

        await Session.GoToAsync(LoginPage.Path);

        await Expect(login.Heading).ToHaveTextAsync("登录");
    }
}
