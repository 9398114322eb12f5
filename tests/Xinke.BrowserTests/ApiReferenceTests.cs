using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

public sealed class ApiReferenceTests(XinkeServer server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task Api_reference_renders_offline()
    {
        var reference = await ApiReferencePage.OpenAsync(Session);

        await Expect(reference.Title).ToBeVisibleAsync();
        await Expect(Page.GetByText("信科 — the hospital IT department's system of record.")).ToBeVisibleAsync();
        Assert.Contains(Session.Origin + ApiReferencePage.DocumentPath.TrimStart('/'), Session.Requests);
        Assert.All(Session.Requests, url => Assert.StartsWith(Session.Origin.ToString(), url, StringComparison.Ordinal));
        AssertNoPageErrors();
    }
}
