using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;

namespace Xinke.BrowserTests.Pages;

/// <summary>The navbar every page shares: the brand and the language switch.</summary>
public sealed class LayoutNav(BrowserSession session)
{
    private ILocator LanguageSwitch => session.Page.GetByTestId("language-switch");

    public ILocator Brand => session.Page.Locator(".navbar-brand");

    /// <summary>The button of the language the page is shown in.</summary>
    public ILocator ChosenLanguage => LanguageSwitch.Locator("button[aria-pressed='true']");

    public ILocator LanguageButton(string culture) => LanguageSwitch.Locator($"button[name='culture'][value='{culture}']");

    /// <summary>Presses a language button and waits for the page it returns to, in that language.</summary>
    public async Task SwitchToAsync(string culture)
    {
        await LanguageButton(culture).ClickAsync();
        await session.Page.Locator($"html[lang='{culture}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await session.Screenshots.TakeAsync();
    }
}
