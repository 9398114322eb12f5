using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;

namespace Xinke.BrowserTests.Pages;

/// <summary>The friendly page shown for a page request's error status (404, 403, …).</summary>
public sealed class StatusPage(BrowserSession session)
{
    public ILocator Heading => session.Page.Locator("main h1");

    public ILocator Message => session.Page.GetByTestId("status-message");

    public ILocator BackLink => session.Page.Locator("main a.btn");
}
