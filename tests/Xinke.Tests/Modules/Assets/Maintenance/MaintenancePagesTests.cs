using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Maintenance;

/// <summary>The maintenance pages: a plan made on the list page and a maintenance recorded on the plan's page, as a browser posts them.</summary>
public abstract class MaintenancePagesTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : MaintenancePagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : MaintenancePagesTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_plan_made_on_the_page_is_recorded_against_with_the_checklist_answers_and_shows_on_the_assets_page()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var template = await scope.ServiceProvider.GetRequiredService<ChecklistService>().CreateTemplateAsync(
                new TemplateInput("UPS-Q", "UPS 季度维护", ChecklistKind.Maintenance, null, null, null, [new ItemInput("电池放电测试通过", ChecklistItemType.YesNo)]), Cancel);
            Assert.True(template.Succeeded, template.Error?.Code);
        }

        var it = await DepartmentAsync("信息科");
        var ups = await StoredAssetAsync(it, "ZC-2026-000601", a => a.TypeId = BuiltInTypeId("ups"));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var list = await engineer.GetStringAsync(new Uri("/assets/maintenance", UriKind.Relative), Cancel);

        var created = await PageForms.SubmitAsync(engineer, list, "/assets/maintenance", new()
        {
            ["Form.Title"] = "UPS 季度维护",
            ["Form.AssetTag"] = "ZC-2026-000601",
            ["Form.ChecklistTemplateCode"] = "UPS-Q",
            ["Form.Schedule"] = "0 9 1 1,4,7,10 *",
            ["Form.OwnerRole"] = BuiltInRoles.ItEngineer,
            ["Form.GraceHours"] = "72",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPage = created.Headers.Location!.OriginalString;
        var plan = await WithDbAsync(db => db.Set<MaintenancePlan>().AsNoTracking().SingleAsync(Cancel));
        var html = await engineer.GetStringAsync(new Uri(planPage, UriKind.Relative), Cancel);
        var item = await WithDbAsync(db => db.Set<ChecklistItem>().AsNoTracking().Select(i => i.Id).SingleAsync(Cancel));

        var noNotes = await PageForms.SubmitAsync(engineer, html, planPage, new() { ["AssetTags"] = "ZC-2026-000601", ["Answers[0].ItemId"] = $"{item}", ["Answers[0].Value"] = "no", ["Result"] = "failed" });
        var recorded = await PageForms.SubmitAsync(engineer, html, planPage, new() { ["AssetTags"] = "ZC-2026-000601", ["Answers[0].ItemId"] = $"{item}", ["Answers[0].Value"] = "yes", ["Result"] = "ok", ["Notes"] = "放电 30 分钟正常" });
        var asset = await engineer.GetStringAsync(new Uri($"/assets/{ups}", UriKind.Relative), Cancel);

        Assert.Equal(plan.Id, long.Parse(planPage[(planPage.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ups, plan.AssetId);
        Assert.Equal("0 9 1 1,4,7,10 *", await WithDbAsync(db => db.Set<Obligation>().Where(o => o.Id == plan.ObligationId).Select(o => o.Schedule).SingleAsync(Cancel)));
        Assert.Contains("电池放电测试通过", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noNotes.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var record = await WithDbAsync(db => db.Set<MaintenanceRecord>().AsNoTracking().Include(r => r.Assets).SingleAsync(Cancel));
        Assert.Equal("放电 30 分钟正常", record.Notes);
        Assert.Equal([ups], record.Assets.Select(a => a.AssetId));
        Assert.Contains(record.Code, asset, StringComparison.Ordinal);
        Assert.Contains($"/assets/maintenance/plans/{plan.Id}", asset, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_plan_is_changed_on_its_edit_page_and_a_form_shown_before_that_change_is_refused()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var template = await scope.ServiceProvider.GetRequiredService<ChecklistService>().CreateTemplateAsync(
                new TemplateInput("UPS-Q", "UPS 季度维护", ChecklistKind.Maintenance, null, null, null, [new ItemInput("电池放电测试通过", ChecklistItemType.YesNo)]), Cancel);
            Assert.True(template.Succeeded, template.Error?.Code);
        }

        var it = await DepartmentAsync("信息科");
        await StoredAssetAsync(it, "ZC-2026-000601", a => a.TypeId = BuiltInTypeId("ups"));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var list = await engineer.GetStringAsync(new Uri("/assets/maintenance", UriKind.Relative), Cancel);
        var created = await PageForms.SubmitAsync(engineer, list, "/assets/maintenance", new()
        {
            ["Form.Title"] = "UPS 季度维护",
            ["Form.AssetTag"] = "ZC-2026-000601",
            ["Form.ChecklistTemplateCode"] = "UPS-Q",
            ["Form.Schedule"] = "0 9 1 1,4,7,10 *",
            ["Form.OwnerRole"] = BuiltInRoles.ItEngineer,
            ["Form.GraceHours"] = "72",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var plan = await WithDbAsync(db => db.Set<MaintenancePlan>().AsNoTracking().SingleAsync(Cancel));
        var edit = $"/assets/maintenance/plans/{plan.Id}/edit";
        Assert.Contains(edit, await engineer.GetStringAsync(new Uri($"/assets/maintenance/plans/{plan.Id}", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var form = await engineer.GetStringAsync(new Uri(edit, UriKind.Relative), Cancel);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "UPS 季度维护（含电池）",
            ["ChecklistTemplateCode"] = "UPS-Q",
            ["Schedule"] = "0 9 15 1,4,7,10 *",
            ["Owner"] = BuiltInRoles.ItEngineer,
            ["GraceHours"] = "48",
            ["Active"] = "true",
        };

        var saved = await PageForms.SubmitAsync(engineer, form, edit, fields);
        fields["GraceHours"] = "12";
        var stale = await PageForms.SubmitAsync(engineer, form, edit, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/assets/maintenance/plans/{plan.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("记录已被他人修改", await stale.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var duty = await WithDbAsync(db => db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == plan.ObligationId, Cancel));
        Assert.Equal(("0 9 15 1,4,7,10 *", 48, true), (duty.Schedule, duty.GraceHours, duty.Active));
        Assert.Equal("UPS 季度维护（含电池）", await WithDbAsync(db => db.Set<MaintenancePlan>().Select(p => p.Title).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Someone_without_the_maintenance_permission_cannot_open_a_plans_edit_page()
    {
        var it = await DepartmentAsync("信息科");
        var head = await SignInAsync(await CreateUserAsync("zhou.zhuren", $"{BuiltInRoles.DeptHead}@{it}"));

        var refused = await head.GetAsync(new Uri("/assets/maintenance/plans/1/edit", UriKind.Relative), Cancel);

        // Pages answer a missing permission with the redirect to the access-denied page, not the edit form.
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.DoesNotContain("/edit", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
