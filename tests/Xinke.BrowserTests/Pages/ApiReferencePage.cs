using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;

namespace Xinke.BrowserTests.Pages;

/// <summary>The interactive API reference, drawn in the browser from the app's OpenAPI document.</summary>
public sealed class ApiReferencePage(BrowserSession session)
{
    public const string Path = "/docs/api";

    public const string DocumentPath = "/openapi/v1.json";

    public ILocator Title => session.Page.GetByRole(AriaRole.Heading, new() { Name = "Xinke API", Exact = true });

    /// <summary>Opens the reference and waits until it has drawn the document and stopped loading.</summary>
    public static async Task<ApiReferencePage> OpenAsync(BrowserSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.GoToAsync(Path);
        var reference = new ApiReferencePage(session);
        await reference.Title.WaitForAsync();
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await session.Screenshots.TakeAsync("rendered");
        return reference;
    }
}
