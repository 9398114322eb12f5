using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Xinke.BrowserTests.Infrastructure;

/// <summary>
/// One test's browser tab on the app: a fresh context (no cookies), the requests it made, the
/// errors its pages reported, and a screenshot of every page it visits.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentQueue<string> errors = new();

    private BrowserSession(IBrowserContext context, IPage page, Uri origin, Screenshots screenshots)
    {
        this.context = context;
        Page = page;
        Origin = origin;
        Screenshots = screenshots;
        context.Request += (_, request) => requests.Enqueue(request.Url);
        // Chromium reports CSP violations and failed loads as console errors.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue(error);
    }

    public IPage Page { get; }

    public Uri Origin { get; }

    public Screenshots Screenshots { get; }

    /// <summary>Every URL the browser requested, in order.</summary>
    public IReadOnlyCollection<string> Requests => requests;

    /// <summary>Console errors and uncaught script errors, in order.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri origin, string testClass, string testMethod)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = origin.ToString(),
            // The browser asks for English on purpose: pages must follow the language cookie only.
            Locale = "en-US",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var screenshots = new Screenshots(page, testClass, testMethod);
        screenshots.ForgetEarlierRuns();
        return new BrowserSession(context, page, origin, screenshots);
    }

    /// <summary>Opens a path of the app and keeps a screenshot of what it shows.</summary>
    public async Task<IResponse?> GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await Screenshots.TakeAsync();
        return response;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
