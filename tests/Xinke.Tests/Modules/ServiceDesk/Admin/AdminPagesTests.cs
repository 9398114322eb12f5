using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Admin;

/// <summary>The IT director's admin pages (SLA policies, categories, groups) posted as a browser would, with every refusal shown on the page.</summary>
public abstract class AdminPagesTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    public sealed class OnSqlite() : AdminPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AdminPagesTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_admin_pages_and_their_menu_entries_are_the_it_directors_only()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        foreach (var page in new[] { "/servicedesk/sla-policies", "/servicedesk/categories", "/servicedesk/groups" })
        {
            var refused = await engineer.GetAsync(new Uri(page, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/status/403", refused.Headers.Location!.AbsolutePath);
            Assert.Contains($"href=\"{page}\"", await director.GetStringAsync(new Uri("/servicedesk/tickets", UriKind.Relative), Cancel), StringComparison.Ordinal);
            Assert.DoesNotContain($"href=\"{page}\"", await engineer.GetStringAsync(new Uri("/servicedesk/tickets", UriKind.Relative), Cancel), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_director_adds_and_edits_an_sla_policy_and_a_stale_form_is_refused()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        const string url = "/servicedesk/sla-policies";
        var page = await director.GetStringAsync(new Uri(url, UriKind.Relative), Cancel);

        var bad = await PageForms.SubmitAsync(director, page, url + "?handler=Create", new() { ["name"] = "P2 高", ["priority"] = "p2", ["responseMinutes"] = "60", ["resolutionMinutes"] = "30" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Empty(await WithDbAsync(db => db.Set<SlaPolicy>().ToListAsync(Cancel)));

        var created = await PageForms.SubmitAsync(director, page, url + "?handler=Create", new() { ["name"] = "P2 高", ["priority"] = "p2", ["responseMinutes"] = "30", ["resolutionMinutes"] = "480" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var policy = await WithDbAsync(db => db.Set<SlaPolicy>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((TicketPriority.P2, 30, 480, true), (policy.Priority, policy.ResponseMinutes, policy.ResolutionMinutes, policy.Active));
        Assert.Contains("P2 高", await director.GetStringAsync(new Uri(url, UriKind.Relative), Cancel), StringComparison.Ordinal);

        var edited = await PageForms.SubmitAsync(director, page, $"{url}?handler=Edit&id={policy.Id}", new() { ["version"] = $"{policy.Version}", ["name"] = "P2 高", ["responseMinutes"] = "20", ["resolutionMinutes"] = "360", ["aroundTheClock"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var stale = await PageForms.SubmitAsync(director, page, $"{url}?handler=Edit&id={policy.Id}", new() { ["version"] = $"{policy.Version}", ["name"] = "P2 高", ["responseMinutes"] = "45", ["resolutionMinutes"] = "600", ["active"] = "true" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);

        var stored = await WithDbAsync(db => db.Set<SlaPolicy>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((20, 360, true, false), (stored.ResponseMinutes, stored.ResolutionMinutes, stored.AroundTheClock, stored.Active));
    }

    [Fact]
    public async Task The_director_builds_the_category_tree_on_its_page_and_cannot_move_a_category_under_its_child()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        const string url = "/servicedesk/categories";
        var page = await director.GetStringAsync(new Uri(url, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, url + "?handler=Create", new() { ["nameZh"] = "硬件", ["nameEn"] = "Hardware" })).StatusCode);
        var hardware = await WithDbAsync(db => db.Set<TicketCategory>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, url + "?handler=Create", new() { ["parentId"] = $"{hardware.Id}", ["nameZh"] = "打印机", ["nameEn"] = "Printer" })).StatusCode);
        var printer = await WithDbAsync(db => db.Set<TicketCategory>().AsNoTracking().SingleAsync(c => c.ParentId == hardware.Id, Cancel));

        var refused = await PageForms.SubmitAsync(director, page, $"{url}?handler=Move&id={hardware.Id}", new() { ["version"] = $"{hardware.Version}", ["parentId"] = $"{printer.Id}" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("分类不能移到自身或其下级分类之下", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, $"{url}?handler=Rename&id={printer.Id}", new() { ["version"] = $"{printer.Version}", ["nameZh"] = "打印机与扫描仪", ["nameEn"] = "Printers and scanners", ["sortOrder"] = "0" })).StatusCode);
        hardware = await WithDbAsync(db => db.Set<TicketCategory>().AsNoTracking().SingleAsync(c => c.Id == hardware.Id, Cancel));
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, $"{url}?handler=Deactivate&id={hardware.Id}", new() { ["version"] = $"{hardware.Version}" })).StatusCode);

        var tree = await WithDbAsync(db => db.Set<TicketCategory>().AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.NameZh, c.Active }).ToListAsync(Cancel));
        Assert.Equal([("硬件", false), ("打印机与扫描仪", false)], tree.Select(c => (c.NameZh, c.Active)));
        Assert.Contains("打印机与扫描仪", await director.GetStringAsync(new Uri(url, UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "CHG-07")]
    public async Task The_groups_page_adds_engineers_and_refuses_a_nurse_naming_the_requirement()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var nurse = await StaffAsync("li.hushi", Cardiology);
        const string url = "/servicedesk/groups";
        var page = await director.GetStringAsync(new Uri(url, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, url + "?handler=Create", new() { ["nameZh"] = "桌面运维组", ["nameEn"] = "Desktop support" })).StatusCode);
        var group = await WithDbAsync(db => db.Set<SupportGroup>().AsNoTracking().SingleAsync(Cancel));
        page = await director.GetStringAsync(new Uri(url, UriKind.Relative), Cancel);
        Assert.Contains($"<option value=\"{engineer.Id}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{nurse.Id}\">", page, StringComparison.Ordinal);

        var refused = await PageForms.SubmitAsync(director, page, $"{url}?handler=AddMember&id={group.Id}", new() { ["accountId"] = $"{nurse.Id}" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("(CHG-07)", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, $"{url}?handler=AddMember&id={group.Id}", new() { ["accountId"] = $"{engineer.Id}" })).StatusCode);

        var members = await WithDbAsync(db => db.Set<SupportGroupMember>().AsNoTracking().Select(m => m.AccountId).ToListAsync(Cancel));
        Assert.Equal([engineer.Id], members);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(director, page, $"{url}?handler=RemoveMember&id={group.Id}", new() { ["accountId"] = $"{engineer.Id}" })).StatusCode);
        Assert.Empty(await WithDbAsync(db => db.Set<SupportGroupMember>().ToListAsync(Cancel)));
    }
}
