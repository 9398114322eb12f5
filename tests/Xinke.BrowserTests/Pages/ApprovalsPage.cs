using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;

namespace Xinke.BrowserTests.Pages;

/// <summary>The approvals inbox (waiting for me, my requests) and a request's detail page.</summary>
public sealed class ApprovalsPage(BrowserSession session)
{
    public const string Path = "/approvals";

    private IPage Page => session.Page;

    public ILocator MenuEntry => Page.GetByTestId("main-nav").Locator($"a[href='{Path}']");

    public ILocator MenuBadge => MenuEntry.GetByTestId("nav-badge");

    public ILocator Rows => Page.GetByTestId("approval-row");

    public ILocator Empty => Page.GetByTestId("approvals-empty");

    public ILocator State => Page.GetByTestId("approval-state");

    public ILocator Decisions => Page.GetByTestId("decision-row");

    public ILocator Row(string code) => Page.Locator($"[data-testid='approval-row'][data-code='{code}']");

    public static async Task<ApprovalsPage> OpenAsync(BrowserSession session, string query = "")
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.GoToAsync(Path + query);
        return new ApprovalsPage(session);
    }

    public async Task ApproveAsync(string code, string comment)
    {
        var row = Row(code);
        await row.GetByTestId("decision-comment").FillAsync(comment);
        await row.GetByTestId("approve-button").ClickAsync();
        await Page.WaitForURLAsync($"**{Path}");
        await session.Screenshots.TakeAsync("approved");
    }

    public async Task OpenDetailAsync(string code)
    {
        await Row(code).GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Page.WaitForURLAsync($"**{Path}/*");
        await session.Screenshots.TakeAsync("detail");
    }
}
