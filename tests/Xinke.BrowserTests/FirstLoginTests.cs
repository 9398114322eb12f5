using System.Text.RegularExpressions;
using OtpNet;
using Xinke.BrowserTests.Infrastructure;

namespace Xinke.BrowserTests;

/// <summary>The system administrator's first day: forced password change, MFA enrolment, and the last-login line.</summary>
public sealed partial class FirstLoginTests(XinkeServer server, Chromium chromium) : BrowserTest(server, chromium)
{
    private const string NewPassword = "Xinke-Sys-Admin-2026!";

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task Sysadmin_changes_the_password_enrols_mfa_and_sees_the_last_login_on_the_home_page()
    {
        await Session.GoToAsync("/account/login");
        await SignInAsync(XinkeServer.BootstrapPassword);

        await Expect(Page).ToHaveURLAsync(PasswordPage());
        await Expect(Page.GetByTestId("password-forced")).ToBeVisibleAsync();
        await Session.Screenshots.TakeAsync("forced-password-change");
        await Page.Locator("#currentPassword").FillAsync(XinkeServer.BootstrapPassword);
        await Page.Locator("#newPassword").FillAsync(NewPassword);
        await Page.Locator("#confirmPassword").FillAsync(NewPassword);
        await Page.GetByTestId("password-form").Locator("button[type='submit']").ClickAsync();

        await Expect(Page).ToHaveURLAsync(MfaPage());
        await Expect(Page.GetByTestId("mfa-qr")).ToBeVisibleAsync();
        await Session.Screenshots.TakeAsync("mfa-enrolment");
        var secret = (await Page.GetByTestId("mfa-secret").InnerTextAsync()).Trim();
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
        await Page.Locator("#code").FillAsync(code);
        await Page.GetByTestId("mfa-form").Locator("button[type='submit']").ClickAsync();

        await Expect(Page.GetByTestId("mfa-done")).ToBeVisibleAsync();
        var recoveryCodes = Page.GetByTestId("recovery-codes").Locator("li");
        await Expect(recoveryCodes).ToHaveCountAsync(10);
        await Session.Screenshots.TakeAsync("recovery-codes");
        var recoveryCode = (await recoveryCodes.First.InnerTextAsync()).Trim();

        await Session.GoToAsync("/");
        await Expect(Page.GetByTestId("last-login")).ToContainTextAsync("这是您的首次登录");
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveTextAsync("sysadmin");

        // The next day's log-in, with a recovery code as the second factor (a TOTP code is accepted once).
        await Page.GetByTestId("logout-form").Locator("button[type='submit']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(LoginPage());
        await SignInAsync(NewPassword);
        await Expect(Page.GetByTestId("otp-form")).ToBeVisibleAsync();
        await Page.Locator("#code").FillAsync(recoveryCode);
        await Page.GetByTestId("otp-form").Locator("button[type='submit']").ClickAsync();

        await Session.GoToAsync("/");
        await Expect(Page.GetByTestId("last-login")).ToContainTextAsync("上次登录");
        await Expect(Page.GetByTestId("last-login")).ToContainTextAsync("127.0.0.1");
        AssertNoPageErrors();
    }

    private async Task SignInAsync(string password)
    {
        var form = Page.GetByTestId("login-form");
        await form.Locator("#userName").FillAsync("sysadmin");
        await form.Locator("#password").FillAsync(password);
        await form.Locator("button[type='submit']").ClickAsync();
    }

    [GeneratedRegex("/account/password")]
    private static partial Regex PasswordPage();

    [GeneratedRegex("/account/mfa")]
    private static partial Regex MfaPage();

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginPage();
}
