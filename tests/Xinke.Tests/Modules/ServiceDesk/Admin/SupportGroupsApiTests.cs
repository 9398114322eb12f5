using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;
using static Xinke.Tests.Modules.ServiceDesk.Admin.AdminRequests;

namespace Xinke.Tests.Modules.ServiceDesk.Admin;

/// <summary>The support groups through the API: kept by the IT director, and only people who work tickets may be in one (CHG-07).</summary>
public abstract class SupportGroupsApiTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    public sealed class OnSqlite() : SupportGroupsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SupportGroupsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "CHG-07")]
    public async Task Only_accounts_that_work_tickets_may_join_a_group_or_lead_it()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var nurse = await StaffAsync("li.hushi", Cardiology);
        var id = await CreateAsync(director, "网络组", "Network");

        var refused = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/support-groups/{id}/members", new { accountId = nurse.Id }), HttpStatusCode.Conflict);
        Assert.Equal(SupportGroupErrors.NotAnEngineer, refused.Code);
        Assert.Contains("CHG-07", refused.Detail, StringComparison.Ordinal);
        var leadRefused = await Problems.ReadAsync(await PostAsync(director, "/api/v1/support-groups", new { nameZh = "应用组", nameEn = "Applications", leadAccountId = nurse.Id }), HttpStatusCode.Conflict);
        Assert.Equal(SupportGroupErrors.NotAnEngineer, leadRefused.Code);
        var unknown = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/support-groups/{id}/members", new { accountId = 999_999 }), HttpStatusCode.BadRequest);
        Assert.Contains("accountId", unknown.Errors.Keys);

        var joined = await JsonAsync(await PostAsync(director, $"/api/v1/support-groups/{id}/members", new { accountId = engineer.Id }));
        Assert.Equal([engineer.Id], joined.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("accountId").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/support-groups/{id}/members", new { accountId = engineer.Id })).StatusCode);

        var listed = (await director.GetFromJsonAsync<JsonElement>("/api/v1/support-groups", Cancel)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("测试 wang.gong", listed.GetProperty("members")[0].GetProperty("displayName").GetString());

        var left = await JsonAsync(await SendWithIfMatchAsync(director, HttpMethod.Delete, $"/api/v1/support-groups/{id}/members/{engineer.Id}", null));
        Assert.Empty(left.GetProperty("members").EnumerateArray());
        var notThere = await Problems.ReadAsync(await SendWithIfMatchAsync(director, HttpMethod.Delete, $"/api/v1/support-groups/{id}/members/{engineer.Id}", null), HttpStatusCode.NotFound);
        Assert.Equal(SupportGroupErrors.NotAMember, notThere.Code);
    }

    [Fact]
    public async Task Only_the_it_director_keeps_the_groups()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var id = await CreateAsync(director, "网络组", "Network");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, "/api/v1/support-groups", new { nameZh = "应用组", nameEn = "Applications" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, $"/api/v1/support-groups/{id}/members", new { accountId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/v1/support-groups", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_rename_needs_the_current_version_and_a_free_name()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var id = await CreateAsync(director, "网络组", "Network");
        await CreateAsync(director, "应用组", "Applications");
        var url = $"/api/v1/support-groups/{id}";
        var current = await director.GetFromJsonAsync<JsonElement>(url, Cancel);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendWithIfMatchAsync(director, HttpMethod.Patch, url, null, new { nameZh = "网络与安全组" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendWithIfMatchAsync(director, HttpMethod.Patch, url, "\"99\"", new { nameZh = "网络与安全组" })).StatusCode);
        var taken = await Problems.ReadAsync(await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(current), new { nameZh = "应用组" }), HttpStatusCode.Conflict);
        Assert.Equal(SupportGroupErrors.DuplicateName, taken.Code);
        var blank = await Problems.ReadAsync(await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(current), new { nameEn = "" }), HttpStatusCode.BadRequest);
        Assert.Contains("nameEn", blank.Errors.Keys);

        var renamed = await JsonAsync(await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(current), new { nameZh = "网络与安全组", nameEn = "Network and security" }));

        Assert.Equal("网络与安全组", renamed.GetProperty("nameZh").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(current), new { nameZh = "网络组" })).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_group_takes_no_new_tickets()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var id = await CreateAsync(director, "网络组", "Network");
        var ticket = await FileAsync(nurse);
        var url = $"/api/v1/support-groups/{id}";

        await JsonAsync(await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(await director.GetFromJsonAsync<JsonElement>(url, Cancel)), new { active = false }));

        var refused = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/tickets/{ticket}/assign", new { groupId = id }), HttpStatusCode.BadRequest);
        Assert.Equal(TicketErrors.UnknownGroup, refused.Code);
    }

    private static async Task<long> CreateAsync(HttpClient client, string nameZh, string nameEn)
    {
        var response = await PostAsync(client, "/api/v1/support-groups", new { nameZh, nameEn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }
}
