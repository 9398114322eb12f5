using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;
using Xinke.Kernel;

namespace Xinke.BrowserTests;

/// <summary>
/// The issue's walk-through in the browser: a liaison registers a new nurse and requests her account,
/// the IT engineer records her system-use training, the department head and the security administrator
/// approve, the system administrator is refused activation until her agreement is on record, then
/// activates and issues a one-time password, and the nurse logs in (ACC-01, ACC-02, STAFF-01).
/// </summary>
public sealed partial class NewNurseAccountTests(OrganizationServer server, Chromium chromium) : BrowserTest<OrganizationServer>(server, chromium)
{
    private const string EmployeeNumber = "N2026100";
    private const string UserName = "n2026100";
    private const string NurseName = "李小护";
    private const string Purpose = "新入职护士使用 HIS 护理工作站";
    private const string NewPassword = "Xinke-Nurse-2026!";

    [Fact]
    [Trait("Req", "ACC-01")]
    [Trait("Req", "ACC-02")]
    public async Task A_liaison_requests_a_new_nurses_account_and_the_nurse_logs_in_once_trained_agreed_and_approved()
    {
        await Server.SeedAsync();
        var today = Today();

        // 1. The liaison registers the nurse.
        await SignInAsync(Session, "liaison", OrganizationServer.Password);
        await Session.GoToAsync("/organization/people/new");
        var personForm = Page.GetByTestId("person-form");
        await personForm.GetByTestId("person-employee-number").FillAsync(EmployeeNumber);
        await personForm.GetByTestId("person-name").FillAsync(NurseName);
        await personForm.GetByTestId("person-department").SelectOptionAsync(await DepartmentOptionAsync(personForm.GetByTestId("person-department"), OrganizationServer.DepartmentName));
        await personForm.GetByTestId("person-title").FillAsync("护士");
        await personForm.GetByTestId("person-save").ClickAsync();
        await Expect(Page).ToHaveURLAsync(PersonPage());
        var personId = long.Parse(PersonPage().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(Page.GetByTestId("person-title")).ToContainTextAsync(NurseName);
        await Expect(Page.GetByTestId("person-title")).ToContainTextAsync(EmployeeNumber);
        await Expect(Page.GetByTestId("person-fields")).ToContainTextAsync(OrganizationServer.DepartmentName);
        await Expect(Page.GetByTestId("person-fields")).ToContainTextAsync("护士");
        await Expect(Page.GetByTestId("person-status")).ToContainTextAsync("在职");
        await Expect(Page.GetByTestId("person-fields")).ToContainTextAsync("无账号");
        await Session.Screenshots.TakeAsync("person");

        // 2. The liaison files the permission request for her.
        await Session.GoToAsync("/access/requests/new");
        var requestForm = Page.GetByTestId("request-form");
        await requestForm.Locator("#person").FillAsync(EmployeeNumber);
        await requestForm.Locator("#role").SelectOptionAsync("staff");
        await requestForm.Locator("#departmentId").SelectOptionAsync(await DepartmentOptionAsync(requestForm.Locator("#departmentId"), OrganizationServer.DepartmentName));
        await requestForm.Locator("#purpose").FillAsync(Purpose);
        await requestForm.Locator("#systems").FillAsync(OrganizationServer.SystemCode);
        await requestForm.Locator("button[type='submit']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(RequestPage());
        var requestUrl = new Uri(Page.Url).AbsolutePath;
        var requestCode = RequestCode().Match(await Page.Locator("main h1").InnerTextAsync()).Value;
        Assert.False(string.IsNullOrEmpty(requestCode), "The request page shows its code.");
        await Expect(Page.GetByTestId("request-status")).ToHaveTextAsync("审批中");
        await Expect(Page.GetByTestId("request-record")).ToContainTextAsync($"{NurseName}（{EmployeeNumber}）");
        await Expect(Page.GetByTestId("request-record")).ToContainTextAsync(Purpose);
        await Expect(Page.GetByTestId("approval-link")).ToBeVisibleAsync();
        await Session.Screenshots.TakeAsync("request");
        await SignOutAsync(Session);

        // 3. The IT engineer holds the HIS training and records her pass.
        await SignInAsync(Session, "engineer", OrganizationServer.Password);
        await Session.GoToAsync("/staff/trainings/new");
        var trainingForm = Page.GetByTestId("training-form");
        await trainingForm.Locator("#kind").SelectOptionAsync("SystemUse");
        await trainingForm.Locator("#systemId").SelectOptionAsync(new SelectOptionValue { Label = $"{OrganizationServer.SystemCode} · 医院信息系统" });
        await trainingForm.Locator("#title").FillAsync("HIS 护理工作站上岗培训");
        // Yesterday: results are refused before the session's day, and the hospital's day may differ from the machine's.
        await trainingForm.Locator("#heldOn").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await trainingForm.Locator("#hours").FillAsync("2");
        await trainingForm.Locator("#trainer").FillAsync("赵工程师");
        await trainingForm.Locator("button[type='submit']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(TrainingPage());
        await Expect(Page.GetByTestId("training-detail")).ToContainTextAsync("医院信息系统");
        await Expect(Page.Locator("main h1")).ToContainTextAsync("系统使用");
        await Expect(Page.GetByTestId("attendance-row")).ToHaveCountAsync(0);
        await Session.Screenshots.TakeAsync("training");
        var resultsForm = Page.GetByTestId("results-form");
        await resultsForm.Locator("#personId").FillAsync(personId.ToString(CultureInfo.InvariantCulture));
        await resultsForm.Locator("#result").SelectOptionAsync("Passed");
        await resultsForm.Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("training-error")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("attendance-row")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("attendance-row")).ToContainTextAsync(NurseName);
        await Expect(Page.GetByTestId("attendance-row")).ToContainTextAsync("通过");
        await Session.Screenshots.TakeAsync("training-passed");
        await SignOutAsync(Session);

        // 4. The department head, then the security administrator, approve; the grant creates her pending account.
        await SignInAsync(Session, "head", OrganizationServer.Password);
        var headInbox = await ApprovalsPage.OpenAsync(Session);
        // The inbox lists approvals by their own code; the summary names the request.
        var requestRow = headInbox.Rows.Filter(new() { HasText = requestCode });
        await Expect(requestRow).ToContainTextAsync($"{NurseName}（{EmployeeNumber}）");
        await Expect(requestRow).ToContainTextAsync("陈联络");
        var approvalCode = await requestRow.GetAttributeAsync("data-code") ?? throw new InvalidOperationException("The inbox row carries no code.");
        await headInbox.ApproveAsync(approvalCode, "同意，新入职护士");
        await Expect(headInbox.Row(approvalCode)).ToHaveCountAsync(0);
        await SignOutAsync(Session);

        await SignInAsync(Session, "secadmin", XinkeServer.BootstrapPassword);
        var securityInbox = await ApprovalsPage.OpenAsync(Session);
        await Expect(securityInbox.Row(approvalCode)).ToContainTextAsync(requestCode);
        await securityInbox.ApproveAsync(approvalCode, "最小权限，同意");
        await Expect(securityInbox.Row(approvalCode)).ToHaveCountAsync(0);
        await Session.GoToAsync(requestUrl);
        await Expect(Page.GetByTestId("request-status")).ToHaveTextAsync("已授权");
        await SignOutAsync(Session);

        // 5. The system administrator, in a browser of his own, finds the pending account and is refused activation: no agreement yet.
        await using var admin = await BrowserSession.OpenAsync(Chromium.Browser, Server.Origin, GetType().Name, TestContext.Current.TestMethod!.MethodName + ".sysadmin");
        await SignInAsync(admin, "sysadmin", XinkeServer.BootstrapPassword);
        await admin.GoToAsync($"/admin/users?q={UserName}");
        var nurseRow = NurseRow(admin);
        await Expect(nurseRow).ToContainTextAsync(NurseName);
        await Expect(nurseRow).ToContainTextAsync("待激活");
        await ActAsync(admin, "activate");
        await Expect(admin.Page.GetByTestId("users-error")).ToContainTextAsync("保密协议");
        await Expect(NurseRow(admin)).ToContainTextAsync("待激活");
        await admin.Screenshots.TakeAsync("activation-refused");

        // 6. The liaison uploads her signed agreement and records it.
        await SignInAsync(Session, "liaison", OrganizationServer.Password);
        await Session.GoToAsync($"/staff/people/{personId}");
        await Expect(Page.GetByTestId("training-status")).ToContainTextAsync("✔");
        await Expect(Page.GetByTestId("agreement-status")).ToContainTextAsync("✘");
        var upload = Page.GetByTestId("attachment-upload-form");
        await upload.Locator("#attachment-file").SetInputFilesAsync(new FilePayload { Name = "保密协议-李小护.pdf", MimeType = "application/pdf", Buffer = SignedScan() });
        await upload.Locator("#attachment-description").FillAsync("签字扫描件");
        await upload.Locator("button[type='submit']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(StaffPersonPage());
        var scanLink = Page.GetByTestId("attachments-table").GetByRole(AriaRole.Link, new() { Name = "保密协议-李小护.pdf" });
        await Expect(scanLink).ToBeVisibleAsync();
        var attachmentId = AttachmentId().Match(await scanLink.GetAttributeAsync("href") ?? string.Empty).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(attachmentId), "The scan's link names its attachment.");
        var scanForm = Page.GetByTestId("person-scan-form");
        await scanForm.Locator("#attachmentId").FillAsync(attachmentId);
        await scanForm.Locator("#signedOn").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await scanForm.Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("person-error")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("agreement-status")).ToContainTextAsync("✔");
        await Expect(Page.GetByTestId("person-acceptances").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("person-scan-form")).ToHaveCountAsync(0);
        await Session.Screenshots.TakeAsync("agreement-recorded");
        await SignOutAsync(Session);

        // 7. Now the activation goes through, and the system administrator issues a one-time password.
        await ActAsync(admin, "activate");
        await Expect(admin.Page.GetByTestId("users-error")).ToHaveCountAsync(0);
        await Expect(NurseRow(admin)).ToContainTextAsync("正常");
        await ActAsync(admin, "reset-password");
        var issued = admin.Page.GetByTestId("issued-password");
        await Expect(issued).ToContainTextAsync(UserName);
        await admin.Screenshots.TakeAsync("one-time-password");
        var oneTimePassword = IssuedPassword().Match(await issued.InnerTextAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(oneTimePassword), "The one-time password is shown.");
        Assert.True(admin.Errors.Count == 0, "The administrator's pages reported errors:\n" + string.Join('\n', admin.Errors));

        // 8. The nurse logs in, must change the password, and is greeted by name.
        await Session.GoToAsync(LoginPage.Path);
        await SubmitLoginAsync(Session, UserName, oneTimePassword);
        await Expect(Page).ToHaveURLAsync(PasswordPage());
        await Expect(Page.GetByTestId("password-forced")).ToBeVisibleAsync();
        await Session.Screenshots.TakeAsync("forced-password-change");
        await Page.Locator("#currentPassword").FillAsync(oneTimePassword);
        await Page.Locator("#newPassword").FillAsync(NewPassword);
        await Page.Locator("#confirmPassword").FillAsync(NewPassword);
        await Page.GetByTestId("password-form").Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("display-name")).ToHaveTextAsync(NurseName);
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveTextAsync(UserName);
        await Session.Screenshots.TakeAsync("nurse-home");
        AssertNoPageErrors();
    }

    private DateOnly Today()
    {
        var clock = Server.Services.GetRequiredService<TimeProvider>();
        return Server.Services.GetRequiredService<HospitalClock>().LocalDate(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Signs in, with the current authenticator code when the account has a second factor (each account once per test: codes are not accepted twice).</summary>
    private async Task SignInAsync(BrowserSession session, string userName, string password)
    {
        await LoginPage.OpenAsync(session);
        await SubmitLoginAsync(session, userName, password);
        if (Server.TotpSecrets.TryGetValue(userName, out var secret))
        {
            var otp = session.Page.GetByTestId("otp-form");
            await Expect(otp).ToBeVisibleAsync();
            await otp.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
            await otp.Locator("button[type='submit']").ClickAsync();
        }

        await Expect(session.Page.GetByTestId("signed-in-as")).ToHaveTextAsync(userName);
    }

    private static async Task SubmitLoginAsync(BrowserSession session, string userName, string password)
    {
        var form = session.Page.GetByTestId("login-form");
        await form.Locator("#userName").FillAsync(userName);
        await form.Locator("#password").FillAsync(password);
        await form.Locator("button[type='submit']").ClickAsync();
    }

    private static async Task SignOutAsync(BrowserSession session)
    {
        await session.Page.GetByTestId("logout-form").Locator("button[type='submit']").ClickAsync();
        await session.Page.WaitForURLAsync("**/account/login**");
    }

    private static ILocator NurseRow(BrowserSession session) =>
        session.Page.GetByTestId("users-table").Locator("tbody tr").Filter(new() { HasText = UserName });

    private static async Task ActAsync(BrowserSession session, string verb)
    {
        var row = NurseRow(session);
        await row.Locator("select[name='verb']").SelectOptionAsync(verb);
        await row.Locator("button[type='submit']").ClickAsync();
        await session.Page.WaitForLoadStateAsync();
        await session.Screenshots.TakeAsync(verb);
    }

    /// <summary>The value of a department's option, whatever indentation the form puts before its name.</summary>
    private static async Task<string> DepartmentOptionAsync(ILocator select, string name)
    {
        var option = select.Locator("option").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(name)}\\s*$") });
        await Expect(option).ToHaveCountAsync(1);
        return await option.GetAttributeAsync("value") ?? throw new InvalidOperationException($"The option {name} has no value.");
    }

    /// <summary>A one-page PDF, as a scanner would produce (the upload checks the file's kind by its content).</summary>
    private static byte[] SignedScan() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [GeneratedRegex(@"/organization/people/(\d+)$")]
    private static partial Regex PersonPage();

    [GeneratedRegex(@"/staff/people/\d+$")]
    private static partial Regex StaffPersonPage();

    [GeneratedRegex(@"/access/requests/\d+$")]
    private static partial Regex RequestPage();

    [GeneratedRegex(@"/staff/trainings/\d+$")]
    private static partial Regex TrainingPage();

    [GeneratedRegex(@"/account/password")]
    private static partial Regex PasswordPage();

    [GeneratedRegex(@"^\S+")]
    private static partial Regex RequestCode();

    [GeneratedRegex(@"/attachments/(\d+)")]
    private static partial Regex AttachmentId();

    [GeneratedRegex(@"一次性密码：(\S+?)（")]
    private static partial Regex IssuedPassword();
}
