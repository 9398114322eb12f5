using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Log-in, lockout, second factors and the login record (GB/T 22239 8.1.4.1 a, b, d).</summary>
public abstract class LoginTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : LoginTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LoginTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task Unknown_user_and_wrong_password_answer_alike()
    {
        await CreateUserAsync("zhangsan", "staff");

        var unknown = await Problems.ReadAsync(await LoginAsync(Client, "lisi", Password), HttpStatusCode.Unauthorized);
        var wrong = await Problems.ReadAsync(await LoginAsync(Client, "zhangsan", "Wrong-Pass-2026"), HttpStatusCode.Unauthorized);

        Assert.Equal(IdentityErrors.InvalidCredentials, unknown.Code);
        Assert.Equal(unknown.Code, wrong.Code);
        Assert.Equal(unknown.Detail, wrong.Detail);
    }

    [Fact]
    public async Task A_good_login_answers_the_user_and_sets_a_strict_http_only_cookie()
    {
        var account = await CreateUserAsync("zhangsan", "staff");

        var response = await LoginAsync(Client, "zhangsan", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(account.Id, json.RootElement.GetProperty("user").GetProperty("id").GetInt64());
        Assert.False(json.RootElement.GetProperty("mustChangePassword").GetBoolean());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(IdentityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/me", Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Five_failures_lock_the_account_and_the_right_password_is_then_refused()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(IdentityErrors.InvalidCredentials, (await Problems.ReadAsync(await LoginAsync(Client, "zhangsan", "Wrong-Pass-2026"), HttpStatusCode.Unauthorized)).Code);
        }

        var locked = await Problems.ReadAsync(await LoginAsync(Client, "zhangsan", Password), HttpStatusCode.Unauthorized);

        Assert.Equal(IdentityErrors.LockedOut, locked.Code);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddMinutes(15), (await ReloadAsync(account.Id)).LockedUntil);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_lockout_ends_after_fifteen_minutes()
    {
        await CreateUserAsync("zhangsan", "staff");
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(Client, "zhangsan", "Wrong-Pass-2026");
        }

        Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(Client, "zhangsan", Password)).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Client, "zhangsan", Password)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task The_system_administrator_unlocks_a_locked_account()
    {
        var admin = await CreateUserAsync("admin1", "sysadmin");
        var account = await CreateUserAsync("zhangsan", "staff");
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(Client, "zhangsan", "Wrong-Pass-2026");
        }

        var sysadmin = await SignInAsync(admin);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{account.Id}/unlock")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Client, "zhangsan", Password)).StatusCode);
    }

    [Theory]
    [InlineData(AccountState.Pending)]
    [InlineData(AccountState.Disabled)]
    public async Task Pending_and_disabled_accounts_are_refused(AccountState state)
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        await WithDbAsync(db => db.Set<Account>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, state), Cancel));

        var refused = await Problems.ReadAsync(await LoginAsync(Client, "zhangsan", Password), HttpStatusCode.Forbidden);

        Assert.Equal(IdentityErrors.NotActive, refused.Code);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions()
    {
        var admin = await CreateUserAsync("admin1", "sysadmin");
        var account = await CreateUserAsync("zhangsan", "staff");
        var user = await SignInAsync(account);
        var sysadmin = await SignInAsync(admin);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{account.Id}/disable")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/me", Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-03")]
    public async Task An_enrolled_account_needs_its_second_factor()
    {
        var account = await CreateUserAsync("engineer", "it-engineer");

        var missing = await Problems.ReadAsync(await LoginAsync(Client, "engineer", Password), HttpStatusCode.Unauthorized);
        var wrong = await Problems.ReadAsync(await LoginAsync(Client, "engineer", Password, otp: "000000"), HttpStatusCode.Unauthorized);
        var right = await LoginAsync(Client, "engineer", Password, otp: CodeFor(account));

        Assert.Equal(IdentityErrors.MfaRequired, missing.Code);
        Assert.Equal(IdentityErrors.InvalidOtp, wrong.Code);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var session = await WithDbAsync(db => db.Set<LoginSession>().SingleAsync(s => s.AccountId == account.Id, Cancel));
        Assert.Equal("password+totp", session.Factor);
    }

    [Fact]
    public async Task A_code_cannot_be_replayed()
    {
        var account = await CreateUserAsync("engineer", "it-engineer");
        var code = CodeFor(account);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(NewClient(), "engineer", Password, code)).StatusCode);

        var replay = await Problems.ReadAsync(await LoginAsync(NewClient(), "engineer", Password, code), HttpStatusCode.Unauthorized);

        Assert.Equal(IdentityErrors.InvalidOtp, replay.Code);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var account = await CreateUserAsync("engineer", "it-engineer");
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(Client, "engineer", Password, otp: "000000");
        }

        Assert.Equal(IdentityErrors.LockedOut, (await Problems.ReadAsync(await LoginAsync(Client, "engineer", Password, CodeFor(account)), HttpStatusCode.Unauthorized)).Code);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var account = await CreateUserAsync("zhangsan", enrolMfa: false, "it-engineer");
        var client = await SignInAsync(account);
        var enrolment = await (await PostAsync(client, "/api/v1/me/mfa/totp")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var secret = enrolment.GetProperty("secret").GetString()!;
        var confirmed = await PostAsync(client, "/api/v1/me/mfa/totp/confirm", new { code = CodeFor(secret) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        var first = await LoginAsync(NewClient(), "zhangsan", Password, recoveryCode: codes[0]);
        var again = await LoginAsync(NewClient(), "zhangsan", Password, recoveryCode: codes[0]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(IdentityErrors.InvalidOtp, (await Problems.ReadAsync(again, HttpStatusCode.Unauthorized)).Code);
        Assert.Contains(await WithDbAsync(db => db.Set<LoginSession>().Where(s => s.AccountId == account.Id).Select(s => s.Factor).ToListAsync(Cancel)), f => f == "password+recovery-code");
        Assert.DoesNotContain(await WithDbAsync(db => db.Set<RecoveryCode>().Select(c => c.CodeHash).ToListAsync(Cancel)), h => codes.Contains(h));
    }

    [Fact]
    public async Task The_next_login_shows_the_last_one_and_the_failures_since()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        await SignInAsync(account);
        Clock.Advance(TimeSpan.FromHours(3));
        await LoginAsync(NewClient(), "zhangsan", "Wrong-Pass-2026");
        await LoginAsync(NewClient(), "zhangsan", "Wrong-Pass-2026");

        var client = await SignInAsync(account);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel);

        Assert.Equal(new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc), me.GetProperty("lastLogin").GetProperty("at").GetDateTime().ToUniversalTime());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("lastLogin").GetProperty("address").GetString()));
        Assert.Equal(2, me.GetProperty("failuresSince").GetInt32());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copied_cookie()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        var login = await LoginAsync(Client, "zhangsan", Password);
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(IdentityServices.CookieName, StringComparison.Ordinal)).Split(';')[0];

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Client, HttpMethod.Delete, "/api/v1/session")).StatusCode);

        using var copied = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        copied.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().SendAsync(copied, Cancel)).StatusCode);
        Assert.NotNull((await WithDbAsync(db => db.Set<LoginSession>().SingleAsync(s => s.AccountId == account.Id, Cancel))).EndedAt);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Too_many_attempts_for_one_account_are_a_429_problem()
    {
        await CreateUserAsync("zhangsan", "staff");
        for (var i = 0; i < 10; i++)
        {
            await LoginAsync(Client, "zhangsan", "Wrong-Pass-2026");
            await WithDbAsync(db => db.Set<Account>().ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, (DateTime?)null), Cancel));
        }

        var response = await LoginAsync(Client, "zhangsan", Password);

        Assert.Equal("identity.too_many_attempts", (await Problems.ReadAsync(response, HttpStatusCode.TooManyRequests)).Code);
        Assert.True(response.Headers.RetryAfter is not null);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Too_many_attempts_from_one_address_are_a_429_problem_whatever_the_account()
    {
        for (var i = 0; i < 30; i++)
        {
            await LoginAsync(Client, $"nobody{i}", "Wrong-Pass-2026");
        }

        var response = await LoginAsync(Client, "someone-else", "Wrong-Pass-2026");

        Assert.Equal("identity.too_many_attempts", (await Problems.ReadAsync(response, HttpStatusCode.TooManyRequests)).Code);
    }

    [Theory]
    [InlineData(null, "http://localhost")]
    [InlineData("XMLHttpRequest", null)]
    [InlineData("XMLHttpRequest", "https://evil.example")]
    [Trait("Req", "ACC-06")]
    public async Task Cookie_writes_without_the_same_site_proof_are_refused(string? requestedWith, string? origin)
    {
        var admin = await CreateUserAsync("admin1", "sysadmin");
        var sysadmin = await SignInAsync(admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent.Create(new { userName = "wangwu", displayName = "王五" }) };
        if (requestedWith is not null)
        {
            request.Headers.Add(IdentityPipeline.RequestedWithHeader, requestedWith);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var refused = await Problems.ReadAsync(await sysadmin.SendAsync(request, Cancel), HttpStatusCode.Forbidden);

        Assert.Equal(IdentityErrors.CrossSite, refused.Code);
        Assert.False(await WithDbAsync(db => db.Set<Account>().AnyAsync(a => a.UserName == "wangwu", Cancel)));
    }
}
