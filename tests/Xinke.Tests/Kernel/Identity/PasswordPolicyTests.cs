using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>The password rules and expiry (GB/T 22239 8.1.4.1 a; ACC-05).</summary>
public abstract class PasswordPolicyTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : PasswordPolicyTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PasswordPolicyTests(DatabaseKind.Postgres);

    [Theory]
    [InlineData("Short-1a", "identity.password_too_short")]
    [InlineData("alllowercaseletters", "identity.password_too_simple")]
    [InlineData("lowercase-and-symbols", "identity.password_too_simple")]
    [InlineData("My-zhangsan-2026", "identity.password_contains_user_name")]
    [InlineData("My-ZHANGSAN-2026", "identity.password_contains_user_name")]
    [Trait("Req", "ACC-05")]
    public async Task A_password_breaking_a_rule_is_a_400_naming_the_rule_and_changes_nothing(string newPassword, string code)
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(account);

        var refused = await Problems.ReadAsync(await PostAsync(client, "/api/v1/me/password", new { currentPassword = Password, newPassword }), HttpStatusCode.BadRequest);

        Assert.Equal(code, refused.Code);
        Assert.True(refused.Errors.ContainsKey("newPassword"));
        Assert.Equal(account.PasswordHash, (await ReloadAsync(account.Id)).PasswordHash);
    }

    [Fact]
    public async Task The_wrong_current_password_is_refused()
    {
        var client = await SignInAsync(await CreateUserAsync("zhangsan", "staff"));

        var refused = await Problems.ReadAsync(await PostAsync(client, "/api/v1/me/password", new { currentPassword = "Not-The-One-1", newPassword = "Brand-New-Pass-1" }), HttpStatusCode.BadRequest);

        Assert.Equal(IdentityErrors.WrongPassword, refused.Code);
    }

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task None_of_the_last_five_passwords_may_come_back_but_the_sixth_may()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(account);
        var passwords = new[] { Password, "Second-Pass-01", "Third-Pass-02", "Fourth-Pass-03", "Fifth-Pass-04", "Sixth-Pass-05" };
        for (var i = 1; i < passwords.Length; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "/api/v1/me/password", new { currentPassword = passwords[i - 1], newPassword = passwords[i] })).StatusCode);
        }

        for (var back = 1; back <= 4; back++)
        {
            var reuse = await PostAsync(client, "/api/v1/me/password", new { currentPassword = passwords[^1], newPassword = passwords[^(back + 1)] });
            Assert.Equal(IdentityErrors.PasswordReused, (await Problems.ReadAsync(reuse, HttpStatusCode.BadRequest)).Code);
        }

        var oldest = await PostAsync(client, "/api/v1/me/password", new { currentPassword = passwords[^1], newPassword = passwords[0] });
        Assert.Equal(HttpStatusCode.NoContent, oldest.StatusCode);
        Assert.Equal(5, await WithDbAsync(db => db.Set<PasswordHistoryEntry>().CountAsync(e => e.AccountId == account.Id, Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task A_password_expires_after_ninety_days_and_the_session_must_change_it()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        Clock.Advance(TimeSpan.FromDays(90));
        var client = await SignInAsync(account);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel);
        var gated = await client.GetAsync("/api/v1/departments", Cancel);

        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(IdentityErrors.SetupRequired, (await Problems.ReadAsync(gated, HttpStatusCode.Forbidden)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "/api/v1/me/password", new { currentPassword = Password, newPassword = "Renewed-Pass-2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/departments", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_but_not_this_one()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        var elsewhere = await SignInAsync(account);
        var here = await SignInAsync(account);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(here, "/api/v1/me/password", new { currentPassword = Password, newPassword = "Renewed-Pass-2026" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/me", Cancel)).StatusCode);
    }

    [Fact]
    public void Generated_one_time_passwords_mix_all_four_classes()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = Secrets.OneTimePassword();
            Assert.Equal(16, password.Length);
            Assert.Equal(4, PasswordPolicy.ClassesIn(password));
        }
    }
}
