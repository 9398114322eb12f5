using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Maintenance;

/// <summary>
/// Maintenance (EQ-04): a plan is an obligation with a schedule; each maintenance is a checklist run
/// recorded against the plan, closing its period. The clock starts Monday 2 March 2026, 08:30 in
/// Shanghai; the weekly plans here have periods from Monday midnight to Monday midnight, local time.
/// </summary>
public abstract class MaintenanceApiTests(DatabaseKind kind) : AssetsTest(kind)
{
    /// <summary>Local midnight of Monday 2 March 2026 in Shanghai.</summary>
    private static readonly DateTime Monday = new(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc);

    public sealed class OnSqlite() : MaintenanceApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : MaintenanceApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_plan_is_an_obligation_of_EQ_04_whose_evidence_is_the_plans_records()
    {
        await TemplateAsync();
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var plan = await CreatePlanAsync(engineer, new { title = "PC 每周巡检", assetTypeId = BuiltInTypeId("pc") });

        var obligation = await WithDbAsync(db => db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == plan.GetProperty("obligationId").GetInt64(), Cancel));
        Assert.Equal(["EQ-04"], obligation.Requirements);
        Assert.Equal(MaintenancePlan.EvidenceKind, obligation.EvidenceKind);
        Assert.Equal(MaintenancePlan.SubjectType, obligation.EvidenceSubjectType);
        Assert.Equal(plan.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), obligation.EvidenceSubjectId);
        Assert.Equal("0 0 * * 1", plan.GetProperty("schedule").GetString());
        Assert.Equal(24, plan.GetProperty("graceHours").GetInt32());
        Assert.Equal("PC 每周巡检", obligation.Title);
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_plan_with_a_bad_schedule_or_covering_both_a_type_and_an_asset_is_refused_and_leaves_no_obligation()
    {
        await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000301");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var badSchedule = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/maintenance-plans", PlanBody(new { title = "坏计划", assetTypeId = BuiltInTypeId("pc"), schedule = "每周一" })), HttpStatusCode.BadRequest);
        var both = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/maintenance-plans", PlanBody(new { title = "两者", assetTypeId = BuiltInTypeId("pc"), assetId = asset })), HttpStatusCode.BadRequest);
        var noTemplate = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/maintenance-plans", PlanBody(new { title = "无模板", assetId = asset, checklistTemplateCode = "NONE" })), HttpStatusCode.BadRequest);

        Assert.Contains("schedule", badSchedule.Errors.Keys);
        Assert.Equal(MaintenanceErrors.InvalidCoverage, both.Code);
        Assert.Equal(MaintenanceErrors.UnknownTemplate, noTemplate.Code);
        Assert.False(await WithDbAsync(db => db.Set<Obligation>().AnyAsync(o => o.EvidenceKind == MaintenancePlan.EvidenceKind, Cancel)));
        Assert.False(await WithDbAsync(db => db.Set<MaintenancePlan>().AnyAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_record_is_a_completed_checklist_run_with_a_maintenance_event_on_each_asset_and_closes_the_period()
    {
        var items = await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var first = await StoredAssetAsync(it, "ZC-2026-000311");
        var second = await StoredAssetAsync(it, "ZC-2026-000312");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var plan = await CreatePlanAsync(engineer, new { title = "PC 每周巡检", assetTypeId = BuiltInTypeId("pc") });
        var planId = plan.GetProperty("id").GetInt64();
        await EvaluateAsync();

        var response = await PostAsync(engineer, $"/api/v1/maintenance-plans/{planId}/records", new
        {
            assetIds = new[] { first, second },
            answers = items.Select(i => new { itemId = i, value = "yes" }),
            result = "ok",
            notes = "除尘、补丁均已完成",
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var record = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal([first, second], record.GetProperty("assetIds").EnumerateArray().Select(a => a.GetInt64()));
        var run = await WithDbAsync(db => db.Set<ChecklistRun>().AsNoTracking().SingleAsync(r => r.Id == record.GetProperty("checklistRunId").GetInt64(), Cancel));
        Assert.Equal(ChecklistRunState.Completed, run.State);
        Assert.Equal(MaintenancePlan.SubjectType, run.SubjectType);
        Assert.Equal(1, await WithDbAsync(db => db.Set<AssetEvent>().CountAsync(e => e.AssetId == first && e.Kind == AssetEventKind.Maintenance, Cancel)));
        Assert.Equal(1, await WithDbAsync(db => db.Set<AssetEvent>().CountAsync(e => e.AssetId == second && e.Kind == AssetEventKind.Maintenance, Cancel)));
        var period = await WithDbAsync(db => db.Set<ObligationPeriod>().AsNoTracking().SingleAsync(p => p.ObligationId == plan.GetProperty("obligationId").GetInt64() && p.Start == Monday, Cancel));
        Assert.Equal(PeriodStatus.Done, period.StatusAt(Clock.GetUtcNow().UtcDateTime));
        Assert.NotNull(period.ClosingRecordId);
        var listed = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/maintenance-plans/records?planId={planId}&assetId={second}", Cancel);
        Assert.Equal(record.GetProperty("code").GetString(), listed.GetProperty("items").EnumerateArray().Single().GetProperty("code").GetString());
        var export = await engineer.GetAsync(new Uri($"/api/v1/maintenance-plans/records/export?format=csv&planId={planId}", UriKind.Relative), Cancel);
        Assert.Contains(record.GetProperty("code").GetString()!, await export.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_missed_period_shows_EQ_04_not_met_and_a_record_in_time_shows_it_met()
    {
        var items = await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000321");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var missedPlan = await CreatePlanAsync(engineer, new { title = "服务器每周巡检", assetId = asset });
        await EvaluateAsync();

        // The first week passes, and its day of grace, without a record.
        Clock.SetUtcNow(new DateTimeOffset(Monday.AddDays(8).AddHours(1)));
        await EvaluateAsync();
        var missed = await EvidenceAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        var missedPeriod = await WithDbAsync(db => db.Set<ObligationPeriod>().AsNoTracking().SingleAsync(p => p.ObligationId == missedPlan.GetProperty("obligationId").GetInt64() && p.Start == Monday, Cancel));

        // The second week is maintained in time.
        engineer = await SignInAsync(await CreateUserAsync("li.gong", BuiltInRoles.ItEngineer));
        var recorded = await PostAsync(engineer, $"/api/v1/maintenance-plans/{missedPlan.GetProperty("id").GetInt64()}/records", new { assetIds = new[] { asset }, answers = items.Select(i => new { itemId = i, value = "yes" }), result = "ok" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Clock.SetUtcNow(new DateTimeOffset(Monday.AddDays(15).AddHours(1)));
        await EvaluateAsync();
        var secondWeekOnly = await EvidenceAsync(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 16));
        var bothWeeks = await EvidenceAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16));

        Assert.Equal(PeriodStatus.Missed, missedPeriod.StatusAt(Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(PeriodStatus.Missed, missedPeriod.Status);
        Assert.Equal(ComplianceStatus.NotMet, missed.Status);
        Assert.Equal([0, 1, 1], missed.Reason.Arguments.Cast<int>());
        Assert.Contains(missed.Links, l => l.Href == $"/assets/maintenance/plans/{missedPlan.GetProperty("id").GetInt64()}");
        Assert.Equal(ComplianceStatus.Met, secondWeekOnly.Status);
        Assert.Equal([1, 1, 0], secondWeekOnly.Reason.Arguments.Cast<int>());
        Assert.Equal([1, 2, 1], bothWeeks.Reason.Arguments.Cast<int>());
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task Maintaining_an_asset_the_plan_does_not_cover_is_refused_with_409_naming_EQ_04()
    {
        var items = await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var pc = await StoredAssetAsync(it, "ZC-2026-000331");
        var server = await StoredAssetAsync(it, "ZC-2026-000332", a => a.TypeId = BuiltInTypeId("server"));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var plan = await CreatePlanAsync(engineer, new { title = "PC 每周巡检", assetTypeId = BuiltInTypeId("pc") });

        var refused = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/maintenance-plans/{plan.GetProperty("id").GetInt64()}/records", new
        {
            assetIds = new[] { pc, server },
            answers = items.Select(i => new { itemId = i, value = "yes" }),
            result = "ok",
        }), HttpStatusCode.Conflict);

        Assert.Equal(MaintenanceErrors.AssetNotCovered, refused.Code);
        Assert.Contains("EQ-04", refused.Detail, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Set<MaintenanceRecord>().AnyAsync(Cancel)));
        Assert.False(await WithDbAsync(db => db.Set<ChecklistRun>().AnyAsync(Cancel)));
        Assert.False(await WithDbAsync(db => db.Set<AssetEvent>().AnyAsync(e => e.Kind == AssetEventKind.Maintenance, Cancel)));
        Assert.False(await WithDbAsync(db => db.Set<ObligationRecord>().AnyAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_failed_maintenance_without_notes_is_refused_with_400()
    {
        var items = await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var pc = await StoredAssetAsync(it, "ZC-2026-000341");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var plan = await CreatePlanAsync(engineer, new { title = "PC 每周巡检", assetId = pc });
        var url = $"/api/v1/maintenance-plans/{plan.GetProperty("id").GetInt64()}/records";

        var noNotes = await Problems.ReadAsync(await PostAsync(engineer, url, new { assetIds = new[] { pc }, answers = items.Select(i => new { itemId = i, value = "no" }), result = "failed", notes = "  " }), HttpStatusCode.BadRequest);
        var noAssets = await Problems.ReadAsync(await PostAsync(engineer, url, new { assetIds = Array.Empty<long>(), result = "ok" }), HttpStatusCode.BadRequest);
        var badResult = await Problems.ReadAsync(await PostAsync(engineer, url, new { assetIds = new[] { pc }, result = "fine" }), HttpStatusCode.BadRequest);
        var withNotes = await PostAsync(engineer, url, new { assetIds = new[] { pc }, answers = items.Select(i => new { itemId = i, value = "no" }), result = "failed", notes = "风扇损坏，已报修" });

        Assert.Equal(MaintenanceErrors.NotesRequired, noNotes.Code);
        Assert.Contains("notes", noNotes.Errors.Keys);
        Assert.Contains("assetIds", noAssets.Errors.Keys);
        Assert.Contains("result", badResult.Errors.Keys);
        Assert.Equal(HttpStatusCode.Created, withNotes.StatusCode);
        Assert.Equal(MaintenanceResult.Failed, await WithDbAsync(db => db.Set<MaintenanceRecord>().Select(r => r.Result).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-08")]
    public async Task Only_IT_writes_plans_and_records_and_a_department_head_reads_only_their_departments_plans()
    {
        var items = await TemplateAsync();
        var cardiology = await DepartmentAsync("心内科");
        var radiology = await DepartmentAsync("放射科");
        var own = await StoredAssetAsync(cardiology, "ZC-2026-000351");
        var other = await StoredAssetAsync(radiology, "ZC-2026-000352");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var ownPlan = await CreatePlanAsync(engineer, new { title = "心内科 PC", assetId = own });
        var otherPlan = await CreatePlanAsync(engineer, new { title = "放射科 PC", assetId = other });
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));

        var create = await PostAsync(head, "/api/v1/maintenance-plans", PlanBody(new { title = "自建", assetId = own }));
        var record = await PostAsync(head, $"/api/v1/maintenance-plans/{ownPlan.GetProperty("id").GetInt64()}/records", new { assetIds = new[] { own }, answers = items.Select(i => new { itemId = i, value = "yes" }), result = "ok" });
        var ownRead = await head.GetAsync(new Uri($"/api/v1/maintenance-plans/{ownPlan.GetProperty("id").GetInt64()}", UriKind.Relative), Cancel);
        var otherRead = await head.GetAsync(new Uri($"/api/v1/maintenance-plans/{otherPlan.GetProperty("id").GetInt64()}", UriKind.Relative), Cancel);
        var list = await head.GetFromJsonAsync<JsonElement>("/api/v1/maintenance-plans", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRead.StatusCode);
        Assert.Equal(["心内科 PC"], list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_plan_edit_changes_its_obligations_schedule_and_a_stale_edit_is_refused_with_412()
    {
        await TemplateAsync();
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var created = await PostAsync(engineer, "/api/v1/maintenance-plans", PlanBody(new { title = "PC 每周巡检", assetTypeId = BuiltInTypeId("pc") }));
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var url = $"/api/v1/maintenance-plans/{plan.GetProperty("id").GetInt64()}";
        var etag = created.Headers.ETag!.Tag;

        var first = await PatchPlanAsync(engineer, url, new { title = "PC 每月巡检", schedule = "0 0 1 * *", graceHours = 72 }, etag);
        var stale = await PatchPlanAsync(engineer, url, new { title = "别的" }, etag);

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var obligation = await WithDbAsync(db => db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == plan.GetProperty("obligationId").GetInt64(), Cancel));
        Assert.Equal("0 0 1 * *", obligation.Schedule);
        Assert.Equal(72, obligation.GraceHours);
        Assert.Equal("PC 每月巡检", obligation.Title);
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_record_dated_back_into_a_missed_week_counts_as_made_now_and_the_missed_week_stays_missed()
    {
        var items = await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000321");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var plan = await CreatePlanAsync(engineer, new { title = "服务器每周巡检", assetId = asset });
        var obligation = plan.GetProperty("obligationId").GetInt64();
        await EvaluateAsync();
        Clock.SetUtcNow(new DateTimeOffset(Monday.AddDays(8).AddHours(1)));
        await EvaluateAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        engineer = await SignInAsync(await CreateUserAsync("li.gong", BuiltInRoles.ItEngineer));

        var recorded = await PostAsync(engineer, $"/api/v1/maintenance-plans/{plan.GetProperty("id").GetInt64()}/records", new
        {
            assetIds = new[] { asset },
            answers = items.Select(i => new { itemId = i, value = "yes" }),
            result = "ok",
            performedAt = new DateTimeOffset(Monday.AddDays(2)),
        });
        await EvaluateAsync();

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(now, (await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("performedAt").GetDateTime().ToUniversalTime());
        var periods = await WithDbAsync(db => db.Set<ObligationPeriod>().AsNoTracking().Where(p => p.ObligationId == obligation).OrderBy(p => p.Start).ToListAsync(Cancel));
        var missedWeek = periods.Single(p => p.Start == Monday);
        var thisWeek = periods.Single(p => p.Start == Monday.AddDays(7));
        Assert.Null(missedWeek.ClosingRecordId);
        Assert.Equal(PeriodStatus.Missed, missedWeek.StatusAt(now));
        Assert.NotNull(thisWeek.ClosingRecordId);
        Assert.False(thisWeek.ClosedLate);
        Assert.Equal(now, await WithDbAsync(db => db.Set<ObligationRecord>().AsNoTracking().Where(r => r.Kind == MaintenancePlan.EvidenceKind).Select(r => r.OccurredAt).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-04")]
    public async Task A_record_made_in_the_grace_after_a_week_closes_that_week_as_late_not_the_current_one()
    {
        var items = await TemplateAsync();
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000321");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var plan = await CreatePlanAsync(engineer, new { title = "服务器每周巡检", assetId = asset });
        var obligation = plan.GetProperty("obligationId").GetInt64();
        await EvaluateAsync();
        Clock.SetUtcNow(new DateTimeOffset(Monday.AddDays(7).AddHours(2)));
        await EvaluateAsync();
        engineer = await SignInAsync(await CreateUserAsync("li.gong", BuiltInRoles.ItEngineer));

        var recorded = await PostAsync(engineer, $"/api/v1/maintenance-plans/{plan.GetProperty("id").GetInt64()}/records", new { assetIds = new[] { asset }, answers = items.Select(i => new { itemId = i, value = "yes" }), result = "ok" });
        Clock.SetUtcNow(new DateTimeOffset(Monday.AddDays(15).AddHours(1)));
        await EvaluateAsync();

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var periods = await WithDbAsync(db => db.Set<ObligationPeriod>().AsNoTracking().Where(p => p.ObligationId == obligation).OrderBy(p => p.Start).ToListAsync(Cancel));
        var firstWeek = periods.Single(p => p.Start == Monday);
        var secondWeek = periods.Single(p => p.Start == Monday.AddDays(7));
        Assert.True(firstWeek.ClosedLate);
        Assert.Equal(PeriodStatus.Done, firstWeek.StatusAt(Clock.GetUtcNow().UtcDateTime));
        Assert.Null(secondWeek.ClosingRecordId);
        Assert.Equal(PeriodStatus.Missed, secondWeek.StatusAt(Clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>A checklist template <c>PC-WEEKLY</c> of two yes/no items; returns the items' ids.</summary>
    private async Task<IReadOnlyList<long>> TemplateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ChecklistService>().CreateTemplateAsync(
            new TemplateInput("PC-WEEKLY", "PC 每周巡检", ChecklistKind.Maintenance, null, null, null, [new ItemInput("机箱除尘", ChecklistItemType.YesNo), new ItemInput("系统补丁已更新", ChecklistItemType.YesNo)]),
            Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return [.. created.Value!.Revision.Items.OrderBy(i => i.Position).Select(i => i.Id)];
    }

    /// <summary>A weekly plan (Monday midnight, a day of grace) owned by IT engineers, with <paramref name="fields"/> over it.</summary>
    private static Dictionary<string, object?> PlanBody(object fields)
    {
        var body = new Dictionary<string, object?>
        {
            ["checklistTemplateCode"] = "PC-WEEKLY",
            ["scheduleKind"] = "cron",
            ["schedule"] = "0 0 * * 1",
            ["ownerKind"] = "role",
            ["owner"] = BuiltInRoles.ItEngineer,
            ["graceHours"] = 24,
            ["effectiveFrom"] = new DateTimeOffset(Monday),
        };
        foreach (var property in JsonSerializer.SerializeToElement(fields).EnumerateObject())
        {
            body[property.Name] = property.Value;
        }

        return body;
    }

    private static async Task<JsonElement> CreatePlanAsync(HttpClient client, object fields)
    {
        var response = await PostAsync(client, "/api/v1/maintenance-plans", PlanBody(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private async Task EvaluateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ObligationEvaluator>().RunAsync(Cancel);
    }

    private async Task<EvidenceAnswer> EvidenceAsync(DateOnly from, DateOnly to)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var query = EvidenceQuery.For(from, to, null, scope.ServiceProvider.GetRequiredService<HospitalClock>(), Clock.GetUtcNow().UtcDateTime);
        var provider = scope.ServiceProvider.GetServices<IEvidenceProvider>().OfType<MaintenanceEvidence>().Single();
        return await provider.EvaluateAsync("EQ-04", query, Cancel);
    }

    private static async Task<HttpResponseMessage> PatchPlanAsync(HttpClient client, string url, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Cancel);
    }
}
