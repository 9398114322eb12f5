using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>
/// The account pages through their HTML forms (antiforgery included). The browser test of the
/// same first-login journey, with screenshots, belongs to the browser-test harness.
/// </summary>
public sealed partial class AccountPagesTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task A_first_login_is_led_through_password_change_and_mfa_enrolment_to_the_home_page()
    {
        await WithDbAsync(db => db.Set<Account>().ExecuteDeleteAsync(Cancel));
        await using var scope = App.Services.CreateAsyncScope();
        var issued = (await scope.ServiceProvider.GetRequiredService<BootstrapService>().RunAsync(Cancel)).Value!;
        var sysadmin = issued.Single(c => c.UserName == "sysadmin");

        var afterLogin = await SubmitAsync("/account/login", new() { ["userName"] = "sysadmin", ["password"] = sysadmin.Password });
        Assert.Equal("/", afterLogin.Headers.Location!.OriginalString);
        var home = await Client.GetAsync("/", Cancel);
        Assert.Equal("/account/password", home.Headers.Location!.OriginalString);
        Assert.Contains("必须先修改密码", await PageAsync("/account/password"), StringComparison.Ordinal);

        var afterPassword = await SubmitAsync("/account/password", new() { ["currentPassword"] = sysadmin.Password, ["newPassword"] = "Own-Choice-2026!", ["confirmPassword"] = "Own-Choice-2026!" });
        Assert.Equal("/account/mfa", afterPassword.Headers.Location!.OriginalString);
        var mfaPage = await PageAsync("/account/mfa");
        Assert.Contains("data:image/svg+xml;base64,", mfaPage, StringComparison.Ordinal);
        var secret = SecretPattern().Match(mfaPage).Groups[1].Value;

        var enrolled = await SubmitAsync("/account/mfa", new() { ["code"] = CodeFor(secret) });
        var enrolledPage = WebUtility.HtmlDecode(await enrolled.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("身份验证器已绑定", enrolledPage, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryPattern().Count(enrolledPage));

        var finalHome = await Client.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, finalHome.StatusCode);
        Assert.Contains("这是您的首次登录", WebUtility.HtmlDecode(await finalHome.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolled_account_is_asked_for_its_code_on_a_second_step()
    {
        var account = await CreateUserAsync("engineer", "it-engineer");

        var step = await SubmitAsync("/account/login", new() { ["userName"] = "engineer", ["password"] = Password });
        var stepPage = await step.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data-testid=\"otp-form\"", stepPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, stepPage, StringComparison.Ordinal);

        var done = await SubmitForm(stepPage, "/account/login", new() { ["code"] = CodeFor(account) });

        Assert.Equal("/", done.Headers.Location!.OriginalString);
        Assert.Equal("password+totp", await WithDbAsync(db => db.Set<LoginSession>().Select(s => s.Factor).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_in_the_page_language()
    {
        await CreateUserAsync("zhangsan", "staff");

        var chinese = WebUtility.HtmlDecode(await (await SubmitAsync("/account/login", new() { ["userName"] = "zhangsan", ["password"] = "Wrong-Pass-2026" })).Content.ReadAsStringAsync(Cancel));
        await SubmitForm(await Client.GetStringAsync("/account/login", Cancel), "/culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/account/login" });
        var english = await (await SubmitAsync("/account/login", new() { ["userName"] = "zhangsan", ["password"] = "Wrong-Pass-2026" })).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("用户名或密码错误", chinese, StringComparison.Ordinal);
        Assert.Contains("The user name or password is wrong.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_last_login_and_the_failures_since()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        await SignInAsync(account, NewClient());
        Clock.Advance(TimeSpan.FromHours(2));
        await LoginAsync(NewClient(), "zhangsan", "Wrong-Pass-2026");

        await SubmitAsync("/account/login", new() { ["userName"] = "zhangsan", ["password"] = Password });
        var home = await PageAsync("/");

        Assert.Contains("上次登录：2026-03-02 08:30", home, StringComparison.Ordinal);
        Assert.Contains("此后登录失败 1 次", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_from_the_page_ends_the_session()
    {
        await CreateUserAsync("zhangsan", "staff");
        await SubmitAsync("/account/login", new() { ["userName"] = "zhangsan", ["password"] = Password });

        var home = await Client.GetStringAsync("/", Cancel);
        var signedOut = await SubmitForm(home, "/account/logout", []);

        Assert.Equal("/account/login", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await CreateUserAsync("zhangsan", "staff");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "zhangsan", ["password"] = Password });

        var response = await Client.PostAsync("/account/login", form, Cancel);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Set<LoginSession>().CountAsync(Cancel)));
    }

    /// <summary>The page's text as a browser shows it (Razor encodes Chinese as character references).</summary>
    private async Task<string> PageAsync(string path) => WebUtility.HtmlDecode(await Client.GetStringAsync(path, Cancel));

    private async Task<HttpResponseMessage> SubmitAsync(string page, Dictionary<string, string> fields) =>
        await SubmitForm(await Client.GetStringAsync(page, Cancel), page, fields);

    /// <summary>Posts a form of the given page as a browser would: its hidden fields, then the typed ones.</summary>
    private async Task<HttpResponseMessage> SubmitForm(string html, string action, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>();
        foreach (Match hidden in HiddenPattern().Matches(html))
        {
            values[hidden.Groups["name"].Value] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var form = new FormUrlEncodedContent(values);
        return await Client.PostAsync(action, form, Cancel);
    }

    [GeneratedRegex("name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"|value=\"(?<value>[^\"]*)\"[^>]*name=\"(?<name>[^\"]+)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("data-testid=\"mfa-secret\">([A-Z2-7]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li>[a-z2-9]{5}-[a-z2-9]{5}</li>")]
    private static partial Regex RecoveryPattern();
}
