using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(Chromium))]

namespace Xinke.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium, launched once for the whole run; every test gets its own browser context
/// (cookies, storage), which is far cheaper than a browser per test on two cores.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    // Browsers cannot be downloaded here, so Playwright drives the distribution's build.
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not running.");

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        // Playwright starts each launch on a fresh temporary profile (user-data-dir) and removes it
        // on close. The flags keep Chromium from calling home: a test run must not leave the machine.
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
