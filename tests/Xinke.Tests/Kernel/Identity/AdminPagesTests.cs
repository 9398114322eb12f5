using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>The account and role administration pages, each for its administrator only.</summary>
public sealed partial class AdminPagesTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_system_administrator_creates_a_pending_account_from_the_page()
    {
        var client = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var page = await PageAsync(client, "/admin/users");
        Assert.Contains("账户管理", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\"", page, StringComparison.Ordinal);

        var created = WebUtility.HtmlDecode(await (await SubmitAsync(client, page, "/admin/users?handler=Create", new() { ["userName"] = "wangwu", ["displayName"] = "王五" })).Content.ReadAsStringAsync(Cancel));

        Assert.Contains("wangwu 的一次性密码", created, StringComparison.Ordinal);
        Assert.Equal(AccountState.Pending, await WithDbAsync(db => db.Set<Account>().Where(a => a.UserName == "wangwu").Select(a => a.State).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task The_security_administrator_reads_accounts_but_cannot_create_them_from_the_page()
    {
        var client = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var page = await PageAsync(client, "/admin/users");
        Assert.DoesNotContain("create-user-form", page, StringComparison.Ordinal);

        var refused = await SubmitAsync(client, page, "/admin/users?handler=Create", new() { ["userName"] = "wangwu", ["displayName"] = "王五" });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/status/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Set<Account>().AnyAsync(a => a.UserName == "wangwu", Cancel)));
    }

    [Fact]
    public async Task The_security_administrator_creates_a_custom_role_from_the_page()
    {
        var client = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));
        var page = await PageAsync(client, "/admin/roles");

        var created = await SubmitAsync(client, page, "/admin/roles", new() { ["name"] = "asset-clerk", ["permissions"] = "departments.read" });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(["departments.read"], await WithDbAsync(db => db.Set<Role>().Where(r => r.Name == "asset-clerk").SelectMany(r => r.Permissions.Select(p => p.Permission)).ToListAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task The_security_administrator_grants_from_the_page_and_the_separation_rules_hold_there_too()
    {
        var security = await CreateUserAsync("sec1", "secadmin");
        var client = await SignInAsync(security);
        var target = await CreateUserAsync("zhangsan", "staff");
        var page = await PageAsync(client, $"/admin/users/{target.Id}/roles");

        var granted = await SubmitAsync(client, page, $"/admin/users/{target.Id}/roles?handler=Add", new() { ["role"] = "sysadmin", ["departmentId"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var mixed = WebUtility.HtmlDecode(await (await SubmitAsync(client, page, $"/admin/users/{target.Id}/roles?handler=Add", new() { ["role"] = "auditadmin", ["departmentId"] = string.Empty })).Content.ReadAsStringAsync(Cancel));
        var self = WebUtility.HtmlDecode(await (await SubmitAsync(client, await PageAsync(client, $"/admin/users/{security.Id}/roles"), $"/admin/users/{security.Id}/roles?handler=Add", new() { ["role"] = "it-director", ["departmentId"] = string.Empty })).Content.ReadAsStringAsync(Cancel));

        Assert.Contains("三员分立", mixed, StringComparison.Ordinal);
        Assert.Contains("不能修改自己的角色", self, StringComparison.Ordinal);
        Assert.Equal(["staff", "sysadmin"], await WithDbAsync(db => db.Set<RoleAssignment>().Where(a => a.AccountId == target.Id).Select(a => a.Role!.Name).OrderBy(n => n).ToListAsync(Cancel)));
    }

    [Theory]
    [InlineData("staff", "/admin/users")]
    [InlineData("auditadmin", "/admin/users")]
    [InlineData("auditadmin", "/admin/roles")]
    public async Task Others_are_refused_the_administration_pages_and_do_not_see_them_in_the_menu(string role, string path)
    {
        var client = await SignInAsync(await CreateUserAsync("someone", role));

        var refused = await client.GetAsync(path, Cancel);
        var home = await PageAsync(client, "/");

        Assert.Contains("/status/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{path}\"", home, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path, Cancel));

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string html, string action, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value };
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, form, Cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
