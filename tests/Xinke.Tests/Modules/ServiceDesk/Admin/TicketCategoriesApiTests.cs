using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Tests.Infrastructure;
using static Xinke.Tests.Modules.ServiceDesk.Admin.AdminRequests;

namespace Xinke.Tests.Modules.ServiceDesk.Admin;

/// <summary>The category tree through the API: only the IT director keeps it, moves never cut a subtree off, retired categories take no new tickets.</summary>
public abstract class TicketCategoriesApiTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    public sealed class OnSqlite() : TicketCategoriesApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TicketCategoriesApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_director_builds_a_tree_that_lists_each_parent_before_its_children()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var software = await CreateAsync(director, "软件", "Software", null, 2);
        var hardware = await CreateAsync(director, "硬件", "Hardware", null, 1);
        var printer = await CreateAsync(director, "打印机", "Printer", hardware, 1);
        var jam = await CreateAsync(director, "卡纸", "Paper jam", printer, 1);

        var tree = (await director.GetFromJsonAsync<JsonElement>("/api/v1/ticket-categories", Cancel)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([hardware, printer, jam, software], tree.Select(n => n.GetProperty("id").GetInt64()));
        Assert.Equal([0, 1, 2, 0], tree.Select(n => n.GetProperty("depth").GetInt32()));
        Assert.Equal(printer, tree[2].GetProperty("parentId").GetInt64());
        Assert.Equal("Paper jam", tree[2].GetProperty("nameEn").GetString());
        Assert.All(tree, n => Assert.True(n.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Only_the_it_director_keeps_the_categories()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, "/api/v1/ticket-categories", new { nameZh = "硬件", nameEn = "Hardware" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync("/api/v1/ticket-categories", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_category_needs_both_names_and_a_known_parent()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));

        var noName = await Problems.ReadAsync(await PostAsync(director, "/api/v1/ticket-categories", new { nameZh = " ", nameEn = "Hardware" }), HttpStatusCode.BadRequest);
        Assert.Contains("nameZh", noName.Errors.Keys);
        var noEnglish = await Problems.ReadAsync(await PostAsync(director, "/api/v1/ticket-categories", new { nameZh = "硬件" }), HttpStatusCode.BadRequest);
        Assert.Contains("nameEn", noEnglish.Errors.Keys);
        var orphan = await Problems.ReadAsync(await PostAsync(director, "/api/v1/ticket-categories", new { nameZh = "硬件", nameEn = "Hardware", parentId = 999_999 }), HttpStatusCode.BadRequest);
        Assert.Contains("parentId", orphan.Errors.Keys);
    }

    [Fact]
    public async Task A_rename_needs_the_current_version_and_a_name_not_taken_by_a_sibling()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var hardware = await CreateAsync(director, "硬件", "Hardware");
        await CreateAsync(director, "网络", "Network");

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(director, hardware, null, new { nameZh = "硬件设备" })).StatusCode);
        await Problems.ReadAsync(await PatchAsync(director, hardware, "\"99\"", new { nameZh = "硬件设备" }), HttpStatusCode.PreconditionFailed);
        var current = await GetAsync(director, hardware);
        var taken = await Problems.ReadAsync(await PatchAsync(director, hardware, ETag(current), new { nameZh = "网络" }), HttpStatusCode.Conflict);
        Assert.Equal(CategoryErrors.DuplicateName, taken.Code);

        var renamed = await JsonAsync(await PatchAsync(director, hardware, ETag(current), new { nameZh = "硬件设备", nameEn = "Devices" }));

        Assert.Equal("硬件设备", renamed.GetProperty("nameZh").GetString());
        Assert.Equal("Devices", renamed.GetProperty("nameEn").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(director, hardware, ETag(current), new { nameZh = "硬件" })).StatusCode);
    }

    [Fact]
    public async Task A_move_carries_the_subtree_and_a_category_cannot_move_under_itself_or_its_descendant()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var hardware = await CreateAsync(director, "硬件", "Hardware");
        var printer = await CreateAsync(director, "打印机", "Printer", hardware);
        var jam = await CreateAsync(director, "卡纸", "Paper jam", printer);
        var peripherals = await CreateAsync(director, "外设", "Peripherals");

        var underItself = await Problems.ReadAsync(await PatchAsync(director, hardware, ETag(await GetAsync(director, hardware)), new { parentId = hardware }), HttpStatusCode.Conflict);
        Assert.Equal(CategoryErrors.MovedUnderItself, underItself.Code);
        var underGrandchild = await Problems.ReadAsync(await PatchAsync(director, hardware, ETag(await GetAsync(director, hardware)), new { parentId = jam }), HttpStatusCode.Conflict);
        Assert.Equal(CategoryErrors.MovedUnderItself, underGrandchild.Code);
        Assert.Equal(0, (await GetAsync(director, hardware)).GetProperty("depth").GetInt32());

        await JsonAsync(await PatchAsync(director, printer, ETag(await GetAsync(director, printer)), new { parentId = peripherals }));

        var tree = (await director.GetFromJsonAsync<JsonElement>("/api/v1/ticket-categories", Cancel)).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([peripherals, printer, jam, hardware], tree);
        Assert.Equal(2, (await GetAsync(director, jam)).GetProperty("depth").GetInt32());
        var paths = await WithDbAsync(db => db.Set<TicketCategory>().OrderBy(c => c.Id).Select(c => c.Path).ToListAsync(Cancel));
        Assert.Equal([$"/{hardware}/", $"/{peripherals}/{printer}/", $"/{peripherals}/{printer}/{jam}/", $"/{peripherals}/"], paths);

        await JsonAsync(await PatchAsync(director, printer, ETag(await GetAsync(director, printer)), new { moveToRoot = true }));
        Assert.Equal(1, (await GetAsync(director, jam)).GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task A_deactivated_category_and_its_subtree_are_refused_for_new_tickets()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var hardware = await CreateAsync(director, "硬件", "Hardware");
        var printer = await CreateAsync(director, "打印机", "Printer", hardware);
        var fault = new { kind = "fault", title = "门诊打印机卡纸", description = "打印机卡纸", categoryId = printer };
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(nurse, "/api/v1/tickets", fault)).StatusCode);

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendWithIfMatchAsync(director, HttpMethod.Post, $"/api/v1/ticket-categories/{hardware}/deactivate", "\"99\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/ticket-categories/{hardware}/deactivate")).StatusCode);

        Assert.False((await GetAsync(director, printer)).GetProperty("active").GetBoolean());
        var refused = await Problems.ReadAsync(await PostAsync(nurse, "/api/v1/tickets", fault), HttpStatusCode.Conflict);
        Assert.Equal(CategoryErrors.Inactive, refused.Code);
        var childOfRetired = await Problems.ReadAsync(await PostAsync(director, "/api/v1/ticket-categories", new { nameZh = "扫描仪", nameEn = "Scanner", parentId = hardware }), HttpStatusCode.Conflict);
        Assert.Equal(CategoryErrors.ParentInactive, childOfRetired.Code);
        var printerBack = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/ticket-categories/{printer}/activate"), HttpStatusCode.Conflict);
        Assert.Equal(CategoryErrors.ParentInactive, printerBack.Code);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/ticket-categories/{hardware}/activate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/ticket-categories/{printer}/activate")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(nurse, "/api/v1/tickets", fault)).StatusCode);
    }

    private static async Task<long> CreateAsync(HttpClient client, string nameZh, string nameEn, long? parentId = null, int sortOrder = 0)
    {
        var response = await PostAsync(client, "/api/v1/ticket-categories", new { nameZh, nameEn, parentId, sortOrder });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    private static Task<JsonElement> GetAsync(HttpClient client, long id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/ticket-categories/{id}", Cancel);

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string? ifMatch, object body) =>
        SendWithIfMatchAsync(client, HttpMethod.Patch, $"/api/v1/ticket-categories/{id}", ifMatch, body);
}
