using OtpNet;
using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

/// <summary>
/// The service desk end to end, as people use it: a nurse reports a printer fault on the one-screen
/// form, an engineer takes it from the queue and resolves it, the nurse confirms and rates it.
/// </summary>
public sealed class PrinterFaultTests(PrinterFaultServer server, Chromium chromium) : BrowserTest<PrinterFaultServer>(server, chromium)
{
    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_nurse_reports_a_printer_fault_an_engineer_resolves_it_and_the_nurse_confirms_and_rates_it()
    {
        await Server.SeedAsync();

        await SignInAsync(PrinterFaultServer.Nurse);
        await Session.GoToAsync("/servicedesk/report");
        await Page.GetByTestId("report-what").FillAsync("门诊三楼打印机卡纸");
        await Page.GetByTestId("report-where").FillAsync("门诊三楼护士站");
        await Session.Screenshots.TakeAsync("report-form");
        await Page.GetByTestId("report-submit").ClickAsync();
        await Expect(Page.GetByTestId("ticket-code")).ToContainTextAsync("门诊三楼打印机卡纸");
        await Expect(Page.GetByTestId("ticket-status")).ToHaveTextAsync("新建");
        var code = (await Page.GetByTestId("ticket-code").TextContentAsync())!.Split('·')[0].Trim();
        Assert.StartsWith("GD-", code, StringComparison.Ordinal);
        await Session.Screenshots.TakeAsync("reported");
        await SignOutAsync();

        await SignInAsync(PrinterFaultServer.Engineer, Server.EngineerTotpSecret);
        await Session.GoToAsync("/servicedesk/tickets");
        var row = Page.GetByTestId("ticket-row").Filter(new() { HasText = code });
        await Expect(row).ToContainTextAsync("门诊三楼打印机卡纸");
        await Session.Screenshots.TakeAsync("queue");
        await row.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = code }).ClickAsync();
        await Page.GetByTestId("verb-assign-self").ClickAsync();
        await Expect(Page.GetByTestId("ticket-status")).ToHaveTextAsync("已分派");
        await Page.GetByTestId("verb-start").ClickAsync();
        await Expect(Page.GetByTestId("ticket-status")).ToHaveTextAsync("处理中");
        var resolve = Page.GetByTestId("resolve-form");
        await resolve.Locator("#cause").SelectOptionAsync("Hardware");
        await resolve.Locator("#rootCause").FillAsync("搓纸轮磨损");
        await resolve.Locator("#resolution").FillAsync("更换搓纸轮，打印测试页正常");
        await Session.Screenshots.TakeAsync("resolving");
        await Page.GetByTestId("verb-resolve").ClickAsync();
        await Expect(Page.GetByTestId("ticket-status")).ToHaveTextAsync("已解决");
        await Expect(Page.GetByTestId("ticket-resolution")).ToHaveTextAsync("更换搓纸轮，打印测试页正常");
        await SignOutAsync();

        await SignInAsync(PrinterFaultServer.Nurse);
        await Session.GoToAsync("/servicedesk/tickets?mine=true");
        await Page.GetByTestId("ticket-row").Filter(new() { HasText = code }).GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = code }).ClickAsync();
        await Expect(Page.GetByTestId("ticket-resolution")).ToHaveTextAsync("更换搓纸轮，打印测试页正常");
        await Page.GetByTestId("verb-confirm").ClickAsync();
        await Expect(Page.GetByTestId("ticket-status")).ToHaveTextAsync("已关闭");
        await Page.GetByTestId("rate-score").SelectOptionAsync("5");
        await Page.GetByTestId("rate-comment").FillAsync("处理及时，谢谢");
        await Page.GetByTestId("verb-rate").ClickAsync();
        await Expect(Page.GetByTestId("ticket-rating")).ToContainTextAsync("5 / 5");
        await Expect(Page.GetByTestId("ticket-rating")).ToContainTextAsync("处理及时，谢谢");
        await Expect(Page.GetByTestId("ticket-status")).ToHaveTextAsync("已关闭");
        await Expect(Page.GetByTestId("rate-form")).ToHaveCountAsync(0);
        await Session.Screenshots.TakeAsync("closed-and-rated");
        AssertNoPageErrors();
    }

    private async Task SignInAsync(string userName, string? totpSecret = null)
    {
        await LoginPage.OpenAsync(Session);
        var form = Page.GetByTestId("login-form");
        await form.Locator("#userName").FillAsync(userName);
        await form.Locator("#password").FillAsync(PrinterFaultServer.Password);
        await form.Locator("button[type='submit']").ClickAsync();
        if (totpSecret is not null)
        {
            var otp = Page.GetByTestId("otp-form");
            await Expect(otp).ToBeVisibleAsync();
            await otp.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(totpSecret)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
            await otp.Locator("button[type='submit']").ClickAsync();
        }

        await Expect(Page.GetByTestId("signed-in-as")).ToHaveTextAsync(userName);
    }

    private async Task SignOutAsync()
    {
        await Page.GetByTestId("logout-form").Locator("button[type='submit']").ClickAsync();
        await Page.WaitForURLAsync("**/account/login**");
    }
}
