using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Modules.Staff;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Accounts as the system administrator manages them.</summary>
public abstract class UsersApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : UsersApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : UsersApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task A_new_account_is_pending_until_activated_then_must_change_its_one_time_password()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));

        // The activation gate (ACC-01) asks that the person was trained and accepted the confidentiality agreement.
        var person = await StaffTestRecords.PersonAsync(App, await StaffTestRecords.DepartmentAsync(App, "心血管内科"), "王五");
        await StaffTestRecords.QualifyAsync(App, person, new DateOnly(2026, 3, 2));

        var created = await PostAsync(sysadmin, "/api/v1/users", new { userName = "wangwu", displayName = "王五", personId = person });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = body.GetProperty("id").GetInt64();
        var oneTime = body.GetProperty("oneTimePassword").GetString()!;
        Assert.Equal("pending", body.GetProperty("state").GetString());
        Assert.Equal($"/api/v1/users/{id}", created.Headers.Location!.OriginalString);

        Assert.Equal(IdentityErrors.NotActive, (await Problems.ReadAsync(await LoginAsync(NewClient(), "wangwu", oneTime), HttpStatusCode.Forbidden)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{id}/activate")).StatusCode);
        var login = await LoginAsync(NewClient(), "wangwu", oneTime);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("mustChangePassword").GetBoolean());
    }

    [Theory]
    [InlineData("a", "王五", "identity.invalid_user_name", HttpStatusCode.BadRequest)]
    [InlineData("wang wu", "王五", "identity.invalid_user_name", HttpStatusCode.BadRequest)]
    [InlineData("wangwu", "", "identity.invalid_display_name", HttpStatusCode.BadRequest)]
    [InlineData("SYS1", "重名", "identity.user_name_taken", HttpStatusCode.Conflict)]
    public async Task Bad_accounts_are_refused_and_nothing_is_created(string userName, string displayName, string code, HttpStatusCode status)
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var before = await WithDbAsync(db => db.Set<Account>().CountAsync(Cancel));

        var refused = await PostAsync(sysadmin, "/api/v1/users", new { userName, displayName });

        Assert.Equal(code, (await Problems.ReadAsync(refused, status)).Code);
        Assert.Equal(before, await WithDbAsync(db => db.Set<Account>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Verbs_refuse_the_wrong_state_with_409_and_unknown_accounts_with_404()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var active = await CreateUserAsync("zhangsan", "staff");

        Assert.Equal(IdentityErrors.NotPending, (await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{active.Id}/activate"), HttpStatusCode.Conflict)).Code);
        Assert.Equal(IdentityErrors.NotDisabled, (await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{active.Id}/enable"), HttpStatusCode.Conflict)).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(sysadmin, "/api/v1/users/999999/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{active.Id}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{active.Id}/enable")).StatusCode);
        Assert.Equal(AccountState.Active, (await ReloadAsync(active.Id)).State);
    }

    [Fact]
    public async Task A_password_reset_issues_a_one_time_password_and_ends_the_sessions()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var account = await CreateUserAsync("zhangsan", "staff");
        var user = await SignInAsync(account);

        var reset = await PostAsync(sysadmin, $"/api/v1/users/{account.Id}/reset-password");
        var oneTime = (await reset.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("oneTimePassword").GetString()!;

        Assert.Equal("no-store", reset.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(NewClient(), "zhangsan", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(NewClient(), "zhangsan", oneTime)).StatusCode);
    }

    [Fact]
    public async Task The_user_list_pages_and_filters()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        foreach (var name in new[] { "ward-a", "ward-b", "ward-c" })
        {
            await CreateUserAsync(name, "staff");
        }

        var first = await sysadmin.GetFromJsonAsync<JsonElement>("/api/v1/users?q=ward&limit=2", Cancel);
        var second = await sysadmin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q=ward&limit=2&cursor={first.GetProperty("nextCursor").GetString()}", Cancel);

        Assert.Equal(["ward-a", "ward-b"], first.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.Equal(["ward-c"], second.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.DoesNotContain("passwordHash", await sysadmin.GetStringAsync("/api/v1/users", Cancel), StringComparison.OrdinalIgnoreCase);
    }
}
