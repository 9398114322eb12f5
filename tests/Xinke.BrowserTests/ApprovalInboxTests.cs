using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;

namespace Xinke.BrowserTests;

/// <summary>A request lands in its approver's inbox, is approved there, and its requester sees the outcome.</summary>
public sealed class ApprovalInboxTests(ApprovalsServer server, Chromium chromium) : BrowserTest<ApprovalsServer>(server, chromium)
{
    [Fact]
    public async Task A_request_is_approved_from_the_inbox_and_the_requester_sees_the_outcome()
    {
        var requester = await Server.CreateUserAsync("zhangwei", "张伟", "staff");
        await Server.CreateUserAsync("liyuan", "李院长", "leadership");
        var request = await Server.StartAsync(requester.Id, "报废 门诊打印机 3 号");

        await SignInAsync("liyuan");
        var inbox = await ApprovalsPage.OpenAsync(Session);
        await Expect(inbox.MenuEntry).ToContainTextAsync("待我审批");
        await Expect(inbox.MenuBadge).ToHaveTextAsync("1");
        await Expect(inbox.Rows).ToHaveCountAsync(1);
        await Expect(inbox.Row(request.Code)).ToContainTextAsync("报废 门诊打印机 3 号");
        await Expect(inbox.Row(request.Code)).ToContainTextAsync("张伟");

        await inbox.ApproveAsync(request.Code, "同意报废");
        await Expect(inbox.Empty).ToHaveTextAsync("没有等待您审批的申请。");
        await Expect(inbox.MenuBadge).ToHaveCountAsync(0);

        await SignOutAsync();
        await SignInAsync("zhangwei");
        var mine = await ApprovalsPage.OpenAsync(Session, "?tab=requested");
        await Expect(mine.Row(request.Code).GetByTestId("approval-state")).ToHaveTextAsync("已同意");

        await mine.OpenDetailAsync(request.Code);
        await Expect(mine.State).ToHaveTextAsync("已同意");
        await Expect(mine.Decisions).ToHaveCountAsync(1);
        await Expect(mine.Decisions.First).ToContainTextAsync("李院长");
        await Expect(mine.Decisions.First.GetByTestId("decision-verdict")).ToHaveTextAsync("同意");
        await Expect(mine.Decisions.First.GetByTestId("decision-comment")).ToHaveTextAsync("同意报废");
        await Expect(Page.GetByTestId("withdraw-form")).ToHaveCountAsync(0);
        AssertNoPageErrors();
    }

    private async Task SignInAsync(string userName)
    {
        await LoginPage.OpenAsync(Session);
        var form = Page.GetByTestId("login-form");
        await form.Locator("#userName").FillAsync(userName);
        await form.Locator("#password").FillAsync(ApprovalsServer.Password);
        await form.Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveTextAsync(userName);
    }

    private async Task SignOutAsync()
    {
        await Page.GetByTestId("logout-form").Locator("button[type='submit']").ClickAsync();
        await Page.WaitForURLAsync("**/account/login**");
    }
}
