using System.Globalization;
using Microsoft.Playwright;
using OtpNet;
using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

/// <summary>
/// The equipment flow as people use it (issue 8): a nurse requests a laptop for a limited time, her
/// department head approves, an engineer hands out a specific laptop from the store, and takes it
/// back with the return inspection; and an engineer prints a sheet of QR labels.
/// </summary>
public sealed class AssetLoanFlowTests(AssetsServer server, Chromium chromium) : BrowserTest<AssetsServer>(server, chromium)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    [Trait("Req", "EQ-02")]
    [Trait("Req", "EQ-03")]
    public async Task A_nurse_requests_a_laptop_her_head_approves_IT_hands_one_out_and_takes_it_back_with_an_inspection()
    {
        await Server.SeedAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(TimeProvider.System.GetUtcNow().UtcDateTime, Beijing));
        var laptop = AssetsServer.Laptops[1];

        await SignInAsync(AssetsServer.Staff);
        await Session.GoToAsync("/assets/requests");
        await Page.GetByTestId("new-asset-request").ClickAsync();
        var form = Page.GetByTestId("asset-request-form");
        await form.Locator("#typeId").SelectOptionAsync(AssetsServer.LaptopTypeId.ToString(CultureInfo.InvariantCulture));
        await form.Locator("#quantity").FillAsync("1");
        await form.Locator("#purpose").FillAsync("下乡义诊期间录入随访数据");
        await form.Locator("#neededFrom").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("#neededUntil").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Session.Screenshots.TakeAsync("request-form");
        await form.Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("request-status")).ToHaveTextAsync("待审批");
        var requestPath = new Uri(Page.Url).AbsolutePath;
        var approvalCode = (await Page.GetByTestId("approval-state").Locator("a").TextContentAsync())!.Trim();
        await Session.Screenshots.TakeAsync("requested");
        await SignOutAsync();

        await SignInAsync(AssetsServer.Head);
        var inbox = await ApprovalsPage.OpenAsync(Session);
        await Expect(inbox.Row(approvalCode)).ToContainTextAsync("刘护士");
        await inbox.ApproveAsync(approvalCode, "同意借用");
        await SignOutAsync();

        await SignInAsync(AssetsServer.Engineer, Server.EngineerTotpSecret);
        await Session.GoToAsync(requestPath);
        await Expect(Page.GetByTestId("request-status")).ToHaveTextAsync("已批准");
        var fulfil = Page.GetByTestId("fulfil-form");
        await Expect(fulfil.Locator(".form-check")).ToHaveCountAsync(AssetsServer.Laptops.Length);
        await fulfil.Locator(".form-check").Filter(new() { HasText = laptop }).Locator("input").CheckAsync();
        await fulfil.GetByTestId("fulfil-condition").FillAsync("外观完好，含电源适配器");
        await Session.Screenshots.TakeAsync("fulfilling");
        await fulfil.GetByTestId("fulfil-submit").ClickAsync();
        await Expect(Page.GetByTestId("request-status")).ToHaveTextAsync("已发放");
        await Expect(Page.GetByTestId("progress")).ToHaveTextAsync("1/1");
        await Expect(Page.GetByTestId("handed-out-asset")).ToHaveTextAsync(laptop);
        await Session.Screenshots.TakeAsync("fulfilled");

        await Page.GetByTestId("handed-out-asset").GetByRole(AriaRole.Link, new() { Name = laptop }).ClickAsync();
        await Expect(Page.GetByTestId("asset-status")).ToHaveTextAsync("借出");
        await Expect(Page.GetByTestId("open-loan")).ToContainTextAsync("刘护士");
        await Expect(Page.GetByTestId("responsible")).ToContainTextAsync("刘护士");
        await Session.Screenshots.TakeAsync("on-loan");

        await Page.GetByTestId("open-loan").Locator("a").ClickAsync();
        var inspection = Page.GetByTestId("return-form");
        await inspection.Locator("#Condition").FillAsync("外观完好，无划痕");
        await inspection.Locator("input[name='AccessoriesComplete']").CheckAsync();
        await inspection.Locator("input[name='DataWiped']").CheckAsync();
        await Session.Screenshots.TakeAsync("inspecting");
        await inspection.Locator("button[type='submit']").ClickAsync();
        var recorded = Page.GetByTestId("loan-inspection");
        await Expect(recorded).ToContainTextAsync("外观完好，无划痕");
        await Expect(Page.GetByTestId("return-form")).ToHaveCountAsync(0);
        await Session.Screenshots.TakeAsync("returned");

        await Page.GetByTestId("loan-detail").GetByRole(AriaRole.Link, new() { Name = laptop }).ClickAsync();
        await Expect(Page.GetByTestId("asset-status")).ToHaveTextAsync("在库");
        await Expect(Page.GetByTestId("open-loan")).ToHaveCountAsync(0);
        var timeline = Page.GetByTestId("asset-timeline").Locator("li");
        await Expect(timeline.Filter(new() { HasText = "按申领" })).ToContainTextAsync("分配");
        await Expect(timeline.Filter(new() { HasText = "外观完好，含电源适配器" })).ToContainTextAsync("借出");
        await Expect(timeline.Filter(new() { HasText = "数据已清除" })).ToContainTextAsync("归还");
        // The return gives the laptop back to the department and keeper it had before the loan.
        await Expect(timeline.Filter(new() { HasText = "分配" }).Filter(new() { HasText = "归还" })).ToHaveCountAsync(1);
        await Session.Screenshots.TakeAsync("back-in-stock");
        AssertNoPageErrors();
    }

    [Fact]
    public async Task An_engineer_prints_a_label_sheet_of_three_chosen_assets_from_a_start_position()
    {
        await Server.SeedAsync();
        string[] chosen = [AssetsServer.Laptops[0], AssetsServer.Laptops[2], AssetsServer.Laptops[3]];

        await SignInAsync(AssetsServer.Engineer, Server.EngineerTotpSecret);
        await Session.GoToAsync("/assets/labels");
        var form = Page.GetByTestId("labels-form");
        await form.Locator("#tags").FillAsync(string.Join('\n', chosen));
        await form.Locator("#size").SelectOptionAsync("70x40");
        await form.Locator("#start").FillAsync("3");
        await Session.Screenshots.TakeAsync("choosing");
        await form.Locator("button[type='submit']").ClickAsync();

        var labels = Page.GetByTestId("label");
        await Expect(labels).ToHaveCountAsync(3);
        Assert.Equal(chosen, await labels.EvaluateAllAsync<string[]>("labels => labels.map(l => l.dataset.tag)"));
        await Expect(Page.GetByTestId("label-skipped")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("label-sheet")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".label-sheet.labels-70x40")).ToHaveCountAsync(1);
        await Expect(labels.Locator(".label-qr svg")).ToHaveCountAsync(3);
        var scanUrl = await labels.First.Locator(".label-qr").GetAttributeAsync("data-url");
        Assert.Contains("/assets/s/" + chosen[0], scanUrl, StringComparison.Ordinal);
        await Session.Screenshots.TakeAsync("label-sheet");
        AssertNoPageErrors();
    }

    private async Task SignInAsync(string userName, string? totpSecret = null)
    {
        await LoginPage.OpenAsync(Session);
        var form = Page.GetByTestId("login-form");
        await form.Locator("#userName").FillAsync(userName);
        await form.Locator("#password").FillAsync(AssetsServer.Password);
        await form.Locator("button[type='submit']").ClickAsync();
        if (totpSecret is not null)
        {
            var otp = Page.GetByTestId("otp-form");
            await Expect(otp).ToBeVisibleAsync();
            var totp = new Totp(Base32Encoding.ToBytes(totpSecret));
            var code = totp.ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
            if (code == Server.LastEngineerCode)
            {
                await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds(TimeProvider.System.GetUtcNow().UtcDateTime) + 1), TestContext.Current.CancellationToken);
                code = totp.ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
            }

            Server.LastEngineerCode = code;
            await otp.Locator("#code").FillAsync(code);
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
