using Microsoft.Playwright;

namespace Xinke.BrowserTests.Infrastructure;

/// <summary>Base of the browser tests that need nothing but the product itself.</summary>
public abstract class BrowserTest(XinkeServer server, Chromium chromium) : BrowserTest<XinkeServer>(server, chromium);

/// <summary>
/// Base of every browser test: the class's own Xinke server (of type <typeparamref name="TServer"/>
/// when the class needs test-only services), the shared Chromium, and a fresh browser session per test.
/// </summary>
public abstract class BrowserTest<TServer>(TServer server, Chromium chromium) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : XinkeServer
{
    protected TServer Server { get; } = server;

    /// <summary>The shared browser, for a test that needs a second person signed in beside the first.</summary>
    protected Chromium Chromium { get; } = chromium;

    private BrowserSession? session;

    protected BrowserSession Session => session ?? throw new InvalidOperationException("Not started.");

    protected IPage Page => Session.Page;

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>No console error, CSP violation or uncaught script error so far, each named in full.</summary>
    protected void AssertNoPageErrors() =>
        Assert.True(Session.Errors.Count == 0, "The page reported errors:\n" + string.Join('\n', Session.Errors));

    public async ValueTask InitializeAsync()
    {
        var method = TestContext.Current.TestMethod?.MethodName ?? "test";
        session = await BrowserSession.OpenAsync(Chromium.Browser, Server.Origin, GetType().Name, method);
    }

    public async ValueTask DisposeAsync()
    {
        if (session is not null)
        {
            // The last thing a failed test saw is the first thing its reader wants.
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                try
                {
                    await session.Screenshots.TakeAsync("failed");
                }
                catch (PlaywrightException)
                {
                    // A page that can no longer be captured adds nothing to the failure already reported.
                }
            }

            await session.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
