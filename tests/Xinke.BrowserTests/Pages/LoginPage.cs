using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;

namespace Xinke.BrowserTests.Pages;

/// <summary>The sign-in page: user name and password, then the code step for accounts with a second factor.</summary>
public sealed class LoginPage(BrowserSession session)
{
    public const string Path = "/account/login";

    private ILocator Form => session.Page.Locator("main form").First;

    public ILocator Heading => session.Page.Locator("main h1");

    public ILocator SubmitButton => Form.Locator("button[type='submit']");

    /// <summary>A form field found by its label's text, so a label that lost its field shows.</summary>
    public ILocator Field(string label) => Form.GetByLabel(label, new() { Exact = true });

    public LayoutNav Nav { get; } = new(session);

    public static async Task<LoginPage> OpenAsync(BrowserSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.GoToAsync(Path);
        return new LoginPage(session);
    }
}
