using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>三员分立 (GB/T 22239 8.1.4.2 d, 8.1.5.1–3): the three administrators stay apart.</summary>
public abstract class SeparationOfDutiesTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : SeparationOfDutiesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SeparationOfDutiesTests(DatabaseKind.Postgres);

    [Theory]
    [InlineData("sysadmin", "auditadmin")]
    [InlineData("sysadmin", "secadmin")]
    [InlineData("secadmin", "auditadmin")]
    [Trait("Req", "ACC-02")]
    public async Task No_account_holds_two_administrator_roles(string first, string second)
    {
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var target = await CreateUserAsync("zhangsan", "staff");

        var refused = await SendAsync(security, HttpMethod.Put, $"/api/v1/users/{target.Id}/roles", new { assignments = new[] { new { role = first }, new { role = second } } });

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(IdentityErrors.SeparationOfDuties, problem.Code);
        Assert.Contains("ACC-02", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["staff"], await RolesOfAsync(target.Id));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_custom_role_cannot_join_two_administrator_duties()
    {
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));

        var refused = await PostAsync(security, "/api/v1/roles", new { name = "super-admin", permissions = new List<string> { "users.write", "audit.read" } });

        Assert.Equal(IdentityErrors.SeparationOfDuties, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        Assert.False(await WithDbAsync(db => db.Set<Role>().AnyAsync(r => r.Name == "super-admin", Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_custom_role_cannot_smuggle_a_second_duty_next_to_an_administrator_role()
    {
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var created = await PostAsync(security, "/api/v1/roles", new { name = "log-reader", permissions = new List<string> { "audit.read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var target = await CreateUserAsync("zhangsan", "staff");

        var refused = await SendAsync(security, HttpMethod.Put, $"/api/v1/users/{target.Id}/roles", new { assignments = new[] { new { role = "sysadmin" }, new { role = "log-reader" } } });

        Assert.Equal(IdentityErrors.SeparationOfDuties, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task Nobody_changes_their_own_roles()
    {
        var account = await CreateUserAsync("sec1", "secadmin");
        var security = await SignInAsync(account);

        var refused = await SendAsync(security, HttpMethod.Put, $"/api/v1/users/{account.Id}/roles", new { assignments = new[] { new { role = "secadmin" }, new { role = "it-director" } } });

        Assert.Equal(IdentityErrors.SelfGrant, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        Assert.Equal(["secadmin"], await RolesOfAsync(account.Id));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task The_security_administrator_grants_scoped_roles()
    {
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var target = await CreateUserAsync("zhangsan", "staff");
        var hospital = await CreateDepartmentAsync("信科医院", "hospital", null);

        var granted = await SendAsync(security, HttpMethod.Put, $"/api/v1/users/{target.Id}/roles", new { assignments = new object[] { new { role = "dept-head", departmentId = hospital }, new { role = "staff" } } });

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var me = await (await SignInAsync(target)).GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel);
        Assert.Contains(me.GetProperty("roles").EnumerateArray(), r => r.GetProperty("role").GetString() == "dept-head" && r.GetProperty("departmentId").GetInt64() == hospital);
    }

    [Theory]
    [InlineData("dept-nobody", null, "identity.unknown_role")]
    [InlineData("staff", 999999L, "identity.unknown_department")]
    public async Task Unknown_roles_and_departments_are_a_400(string role, long? departmentId, string code)
    {
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var target = await CreateUserAsync("zhangsan", "staff");

        var refused = await SendAsync(security, HttpMethod.Put, $"/api/v1/users/{target.Id}/roles", new { assignments = new[] { new { role, departmentId } } });

        Assert.Equal(code, (await Problems.ReadAsync(refused, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(["staff"], await RolesOfAsync(target.Id));
    }

    [Fact]
    public async Task Each_administrator_is_refused_the_others_work()
    {
        var target = await CreateUserAsync("zhangsan", "staff");
        var system = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var audit = await SignInAsync(await CreateUserAsync("aud1", "auditadmin"));

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(system, HttpMethod.Put, $"/api/v1/users/{target.Id}/roles", new { assignments = new[] { new { role = "it-director" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(system, "/api/v1/roles", new { name = "helpers", permissions = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(security, "/api/v1/users", new { userName = "wangwu", displayName = "王五" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(security, $"/api/v1/users/{target.Id}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await audit.GetAsync("/api/v1/users", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(audit, "/api/v1/users", new { userName = "wangwu", displayName = "王五" })).StatusCode);
        var systemPermissions = (await system.GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel)).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        var securityPermissions = (await security.GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel)).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.DoesNotContain(systemPermissions, p => p!.StartsWith("audit.", StringComparison.Ordinal));
        Assert.DoesNotContain(securityPermissions, p => p!.StartsWith("audit.", StringComparison.Ordinal));
        Assert.Equal(["audit.export", "audit.read", "audit.verify"], (await audit.GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel)).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("secadmin", "reset-password")]
    [InlineData("auditadmin", "reset-password")]
    [InlineData("auditadmin", "disable")]
    [InlineData("secadmin", "disable")]
    [Trait("Req", "ACC-02")]
    public async Task The_system_administrator_cannot_take_over_or_silence_another_administrator(string role, string verb)
    {
        var system = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var other = await CreateUserAsync("other1", role);

        var refused = await PostAsync(system, $"/api/v1/users/{other.Id}/{verb}");

        Assert.Equal(IdentityErrors.SeparationOfDuties, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        var after = await ReloadAsync(other.Id);
        Assert.Equal(other.PasswordHash, after.PasswordHash);
        Assert.Equal(AccountState.Active, after.State);
    }

    private async Task<long> CreateDepartmentAsync(string name, string kind, long? parentId)
    {
        var system = await SignInAsync(await CreateUserAsync($"sys{Guid.NewGuid():N}"[..20], "sysadmin"));
        var created = await PostAsync(system, "/api/v1/departments", new { name, kind, parentId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private Task<List<string>> RolesOfAsync(long accountId) =>
        WithDbAsync(db => db.Set<RoleAssignment>().Where(a => a.AccountId == accountId).Select(a => a.Role!.Name).OrderBy(n => n).ToListAsync(Cancel));
}
