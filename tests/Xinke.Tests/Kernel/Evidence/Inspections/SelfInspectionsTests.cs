using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence.Inspections;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Evidence.Inspections;

/// <summary>
/// The monthly self-inspection of the compliance view: recorded with its material and the statuses
/// seen, reported as the month's duty, done only once someone other than the inspector reviewed it,
/// and read back by SEC-03's and ORG-06's evidence.
/// </summary>
public abstract class SelfInspectionsTests(DatabaseKind kind) : IdentityTest(kind)
{
    private const string Inspections = "/api/v1/compliance/inspections";

    /// <summary>Local 08:30 on 3 April 2026 in Shanghai: the April period of the duty has begun.</summary>
    private static readonly DateTimeOffset InApril = new(2026, 4, 3, 0, 30, 0, TimeSpan.Zero);

    public sealed class OnSqlite() : SelfInspectionsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SelfInspectionsTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "SEC-03")]
    public async Task An_inspection_without_its_material_is_refused_naming_SEC_03_and_reports_nothing()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var id = await CreateAsync(director, new { periodFrom = "2026-02-01", periodTo = "2026-02-28", comments = "二月看板：备份与演练有缺口。" });

        var refused = await Problems.ReadAsync(await PostAsync(director, $"{Inspections}/{id}/record"), HttpStatusCode.Conflict);

        Assert.Equal(SelfInspectionErrors.AttachmentRequired, refused.Code);
        Assert.Contains("SEC-03", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<ObligationRecord>().CountAsync(r => r.Kind == SelfInspectionObligations.EvidenceKind, Cancel)));
        Assert.Null(await WithDbAsync(db => db.Set<SelfInspection>().Where(i => i.Id == id).Select(i => i.RecordedAt).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "SEC-03")]
    [Trait("Req", "ORG-06")]
    public async Task A_recorded_inspection_keeps_what_it_saw_and_its_month_counts_only_after_someone_else_reviewed_it()
    {
        Clock.SetUtcNow(InApril);
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var reviewer = await SignInAsync(await CreateUserAsync("reviewer", BuiltInRoles.Reviewer));
        await EvaluateObligationsAsync();
        Assert.Equal("notMet", await StatusAsync(director, "SEC-03", "2026-04-01", "2026-04-30"));

        var id = await CreateAsync(director, new { periodFrom = "2026-03-01", periodTo = "2026-03-31", comments = "三月看板：安全分析未覆盖。" });
        await AttachmentUploads.AttachAsync(director, SelfInspection.OwnerType, id, "三月自查报告.pdf", "application/pdf", AttachmentUploads.Pdf());
        var recorded = await ReadAsync(await PostAsync(director, $"{Inspections}/{id}/record"));

        var snapshot = recorded.GetProperty("snapshot");
        var seen = snapshot.GetProperty("met").GetInt32() + snapshot.GetProperty("partlyMet").GetInt32() + snapshot.GetProperty("notMet").GetInt32() + snapshot.GetProperty("notCoveredYet").GetInt32();
        Assert.Equal(Xinke.Kernel.Evidence.RequirementCatalogue.Shipped().Requirements.Count, seen);
        Assert.Contains("SEC-03", snapshot.GetProperty("redRequirementIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(snapshot.GetProperty("notMet").GetInt32(), snapshot.GetProperty("redRequirementIds").GetArrayLength());
        Assert.Null(recorded.GetProperty("review").GetProperty("reviewedAt").GetString());
        Assert.Equal("notMet", await StatusAsync(director, "SEC-03", "2026-04-01", "2026-04-30"));

        var own = await Problems.ReadAsync(await PostAsync(director, $"{Inspections}/{id}/review"), HttpStatusCode.Conflict);
        Assert.Equal("obligation.self_review", own.Code);
        Assert.Equal("notMet", await StatusAsync(director, "SEC-03", "2026-04-01", "2026-04-30"));

        var reviewed = await ReadAsync(await PostAsync(reviewer, $"{Inspections}/{id}/review"));
        Assert.NotNull(reviewed.GetProperty("review").GetProperty("reviewedAt").GetString());
        Assert.Equal("met", await StatusAsync(director, "SEC-03", "2026-04-01", "2026-04-30"));
        Assert.Equal(1, await WithDbAsync(db => db.Set<ObligationRecord>().CountAsync(r => r.Kind == SelfInspectionObligations.EvidenceKind && r.ActorAccountId == directorAccount.Id, Cancel)));
    }

    [Fact]
    [Trait("Req", "SEC-03")]
    [Trait("Req", "ORG-06")]
    public async Task A_month_that_passed_without_a_reviewed_inspection_leaves_the_analysis_and_the_inspection_not_met()
    {
        Clock.SetUtcNow(InApril);
        await EvaluateObligationsAsync();
        Clock.SetUtcNow(new DateTimeOffset(2026, 5, 9, 0, 30, 0, TimeSpan.Zero));
        await EvaluateObligationsAsync();
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var analysis = await ItemAsync(director, "SEC-03", "2026-04-01", "2026-04-30");
        Assert.Equal("notMet", analysis.GetProperty("status").GetString());
        Assert.Equal("期间内已评判的 1 个月度自查期间中，0 个已登记并经他人复核", analysis.GetProperty("reason").GetString());
        Assert.Equal("notMet", await StatusAsync(director, "ORG-06", "2026-04-01", "2026-04-30"));
    }

    [Fact]
    [Trait("Req", "SEC-03")]
    public async Task A_follow_up_action_lands_in_the_improvement_register_linked_to_its_inspection()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var id = await CreateAsync(director, new { periodFrom = "2026-02-01", periodTo = "2026-02-28", comments = "二月看板：恢复测试缺失。" });

        var inspection = await ReadAsync(await PostAsync(director, $"{Inspections}/{id}/follow-ups", new { description = "补做二月恢复测试并登记", ownerAccountId = directorAccount.Id, dueDate = "2026-03-20" }));

        var followUp = Assert.Single(inspection.GetProperty("followUps").EnumerateArray());
        var action = await WithDbAsync(db => db.Set<ImprovementAction>().AsNoTracking().SingleAsync(a => a.Id == followUp.GetProperty("id").GetInt64(), Cancel));
        Assert.Equal((SelfInspections.ImprovementModule, SelfInspections.ImprovementEntity, (long?)id), (action.SourceModule, action.SourceEntity, action.SourceId));
        Assert.Equal(ImprovementSourceKind.Review, action.SourceKind);
        var missingOwner = await Problems.ReadAsync(await PostAsync(director, $"{Inspections}/{id}/follow-ups", new { description = "无人负责", dueDate = "2026-03-20" }), HttpStatusCode.BadRequest);
        Assert.Contains("ownerAccountId", missingOwner.Errors.Keys);
    }

    [Fact]
    [Trait("Req", "SEC-03")]
    public async Task Only_inspectors_record_inspections_and_a_department_scoped_reader_never_sees_them()
    {
        var department = await DepartmentAsync();
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("engineer", BuiltInRoles.ItEngineer));
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{department}"));
        var id = await CreateAsync(director, new { periodFrom = "2026-02-01", periodTo = "2026-02-28", comments = "二月看板。" });

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, Inspections, new { periodFrom = "2026-02-01", periodTo = "2026-02-28", comments = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(liaison, $"{Inspections}/{id}/record")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"{Inspections}/{id}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/compliance/inspections/{id}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(0, (await liaison.GetFromJsonAsync<JsonElement>(new Uri(Inspections, UriKind.Relative), Cancel)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    [Trait("Req", "SEC-03")]
    public async Task A_missing_period_is_a_field_error_and_a_stale_version_is_not_recorded()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var missing = await Problems.ReadAsync(await PostAsync(director, Inspections, new { periodTo = "2026-02-28", comments = "缺期间" }), HttpStatusCode.BadRequest);
        Assert.Contains("periodFrom", missing.Errors.Keys);

        var id = await CreateAsync(director, new { periodFrom = "2026-02-01", periodTo = "2026-02-28", comments = "二月看板。" });
        await AttachmentUploads.AttachAsync(director, SelfInspection.OwnerType, id, "报告.pdf", "application/pdf", AttachmentUploads.Pdf());
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"{Inspections}/{id}/record") { Content = JsonContent.Create(new { }) };
        stale.Headers.IfMatch.ParseAdd("\"999\"");
        stale.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        stale.Headers.Add("Origin", "http://localhost");

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await director.SendAsync(stale, Cancel)).StatusCode);
        Assert.Null(await WithDbAsync(db => db.Set<SelfInspection>().Where(i => i.Id == id).Select(i => i.RecordedAt).SingleAsync(Cancel)));
    }

    private async Task EvaluateObligationsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ObligationEvaluator>().RunAsync(Cancel);
    }

    private static async Task<long> CreateAsync(HttpClient client, object body)
    {
        var response = await PostAsync(client, Inspections, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<JsonElement> ItemAsync(HttpClient client, string requirement, string from, string to)
    {
        var report = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/compliance/status?from={from}&to={to}", UriKind.Relative), Cancel);
        return report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requirementId").GetString() == requirement);
    }

    private static async Task<string?> StatusAsync(HttpClient client, string requirement, string from, string to) =>
        (await ItemAsync(client, requirement, from, to)).GetProperty("status").GetString();

    private async Task<long> DepartmentAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var hospital = (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        return (await departments.CreateAsync("心内科", hospital, DepartmentKind.Department, Cancel)).Value!.Id;
    }
}
