using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Evidence;

/// <summary>
/// Documents kept as evidence: they prove the rules marked for documents over the days they cover
/// while they count, revisions never overwrite, and owners hear of an expiry once, beforehand.
/// </summary>
public abstract class EvidenceDocumentsTests(DatabaseKind kind) : IdentityTest(kind)
{
    private const string Documents = "/api/v1/evidence-documents";
    private RequirementCatalogue catalogue = RequirementCatalogue.Shipped();
    private long? hospital;

    public sealed class OnSqlite() : EvidenceDocumentsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : EvidenceDocumentsTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddTransient(_ => catalogue);
    }

    [Fact]
    [Trait("Req", "ORG-06")]
    public async Task A_rule_proved_by_documents_follows_the_days_they_cover_across_the_thresholds()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        Assert.Equal("notMet", await StatusAsync(director, "ORG-06", "2026-01-01", "2026-02-28"));

        // 59 days in January and February; the rules in force from 15 January cover 45 of them (76%).
        var rules = await CreateAsync(director, new { title = "信息系统监督检查制度", kind = "policy", requirementIds = Rules("ORG-06"), coversFrom = "2026-01-15", ownerAccountId = directorAccount.Id });
        Assert.Equal("notMet", await StatusAsync(director, "ORG-06", "2026-01-01", "2026-02-28"));
        await AttachmentUploads.AttachAsync(director, EvidenceDocument.OwnerType, rules, "监督检查制度.pdf", "application/pdf", AttachmentUploads.Pdf());

        catalogue = TunedCatalogue.With("ORG-06", ("met", 1.0), ("partly", 0.76));
        var partly = await ItemAsync(director, "ORG-06", "2026-01-01", "2026-02-28");
        Assert.Equal("partlyMet", partly.GetProperty("status").GetString());
        Assert.Equal("1 份有效文件覆盖了期间 59 天中的 45 天", partly.GetProperty("reason").GetString());

        catalogue = TunedCatalogue.With("ORG-06", ("met", 1.0), ("partly", 0.77));
        Assert.Equal("notMet", await StatusAsync(director, "ORG-06", "2026-01-01", "2026-02-28"));
        Assert.Equal("met", await StatusAsync(director, "ORG-06", "2026-02-01", "2026-02-28"));
    }

    [Fact]
    [Trait("Req", "ORG-06")]
    public async Task An_expired_document_stops_counting_from_its_expiry_but_still_proves_the_days_before()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var report = await CreateAsync(director, new { title = "2025 年度等级测评报告", kind = "assessmentReport", requirementIds = Rules("ORG-06"), coversFrom = "2026-01-01", expiresOn = "2026-02-01", ownerAccountId = directorAccount.Id });
        await AttachmentUploads.AttachAsync(director, EvidenceDocument.OwnerType, report, "测评报告.pdf", "application/pdf", AttachmentUploads.Pdf());

        Assert.Equal("met", await StatusAsync(director, "ORG-06", "2026-01-01", "2026-01-31"));
        Assert.Equal("notMet", await StatusAsync(director, "ORG-06", "2026-02-01", "2026-02-28"));
        var listed = await director.GetFromJsonAsync<JsonElement>(new Uri($"{Documents}?expired=true", UriKind.Relative), Cancel);
        Assert.Equal(report, listed.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_new_revision_never_overwrites_the_one_before()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var plan = await CreateAsync(director, new { title = "信息化年度计划", kind = "plan", requirementIds = Rules("ORG-02"), coversFrom = "2026-01-01", coversTo = "2026-12-31", ownerAccountId = directorAccount.Id });
        var first = await AttachmentUploads.AttachAsync(director, EvidenceDocument.OwnerType, plan, "年度计划-初稿.pdf", "application/pdf", AttachmentUploads.Pdf());
        var firstSm3 = (await director.GetFromJsonAsync<JsonElement>(new Uri($"{Documents}/{plan}", UriKind.Relative), Cancel)).GetProperty("currentSm3").GetString();

        var second = await AttachmentUploads.AttachAsync(director, EvidenceDocument.OwnerType, plan, "年度计划-定稿.pdf", "application/pdf", AttachmentUploads.Pdf(), replaces: first);

        var document = await director.GetFromJsonAsync<JsonElement>(new Uri($"{Documents}/{plan}", UriKind.Relative), Cancel);
        Assert.Equal(second, document.GetProperty("currentRevisionId").GetInt64());
        Assert.Equal(2, document.GetProperty("revisions").GetInt32());
        Assert.NotEqual(firstSm3, document.GetProperty("currentSm3").GetString());
        var old = await director.GetAsync(new Uri($"/api/v1/attachments/{first}/content", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.StartsWith("%PDF", await old.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(firstSm3, await WithDbAsync(db => db.Set<Attachment>().Where(a => a.Id == first).Select(a => a.Sm3).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task The_owner_hears_once_before_a_document_expires()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        await CreateAsync(director, new { title = "等级保护备案证明", kind = "certificate", requirementIds = Rules("SEC-01"), coversFrom = "2025-04-01", expiresOn = "2026-03-20", ownerAccountId = directorAccount.Id });
        await CreateAsync(director, new { title = "机房管理制度", kind = "policy", requirementIds = Rules("ROOM-02"), coversFrom = "2025-04-01", expiresOn = "2026-06-30", ownerAccountId = directorAccount.Id });

        Assert.Equal(1, await NoticeAsync());
        Assert.Equal(0, await NoticeAsync());

        var inbox = await WithDbAsync(db => db.Set<InboxItem>().Where(i => i.Kind == EvidenceDocumentExpiryJob.Kind).ToListAsync(Cancel));
        var notice = Assert.Single(inbox);
        Assert.Equal(directorAccount.Id, notice.AccountId);
        Assert.Contains("2026-03-20", notice.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_names_no_known_rule_or_a_reversed_period_is_refused_and_nothing_is_kept()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);

        var unknown = await PostAsync(director, Documents, new { title = "某制度", requirementIds = Rules("ZZZ-01"), coversFrom = "2026-01-01", ownerAccountId = directorAccount.Id });
        var reversed = await PostAsync(director, Documents, new { title = "某制度", requirementIds = Rules("ORG-06"), coversFrom = "2026-02-01", coversTo = "2026-01-01", ownerAccountId = directorAccount.Id });

        Assert.Equal("evidence_document.unknown_requirement", (await Problems.ReadAsync(unknown, HttpStatusCode.BadRequest)).Code);
        Assert.Equal("evidence_document.coverage_reversed", (await Problems.ReadAsync(reversed, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(0, await WithDbAsync(db => db.Set<EvidenceDocument>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Only_keepers_record_documents_and_a_stale_edit_is_refused()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var reviewer = await SignInAsync(await CreateUserAsync("reviewer", BuiltInRoles.Reviewer));
        var refused = await PostAsync(reviewer, Documents, new { title = "某制度", requirementIds = Rules("ORG-06"), coversFrom = "2026-01-01", ownerAccountId = directorAccount.Id });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var id = await CreateAsync(director, new { title = "信息安全管理制度", requirementIds = Rules("DATA-11"), coversFrom = "2026-01-01", ownerAccountId = directorAccount.Id });
        var url = $"{Documents}/{id}";
        var etag = (await director.GetAsync(new Uri(url, UriKind.Relative), Cancel)).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(director, url, etag, new { expiresOn = "2027-01-01" })).StatusCode);
        var stale = await PatchAsync(director, url, etag, new { title = "改名" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var kept = await director.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative), Cancel);
        Assert.Equal("信息安全管理制度", kept.GetProperty("title").GetString());
        Assert.Equal("2027-01-01", kept.GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task A_department_scoped_reader_sees_the_hospitals_documents_and_her_departments_not_others()
    {
        var own = await DepartmentAsync("心内科");
        var other = await DepartmentAsync("骨科");
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{own}"));
        var hospitalWide = await CreateAsync(director, new { title = "全院应急预案", requirementIds = Rules("EMG-01"), coversFrom = "2026-01-01", ownerAccountId = directorAccount.Id });
        var ours = await CreateAsync(director, new { title = "心内科应急措施", requirementIds = Rules("EMG-03"), coversFrom = "2026-01-01", ownerAccountId = directorAccount.Id, departmentId = own });
        var theirs = await CreateAsync(director, new { title = "骨科应急措施", requirementIds = Rules("EMG-03"), coversFrom = "2026-01-01", ownerAccountId = directorAccount.Id, departmentId = other });

        var listed = await liaison.GetFromJsonAsync<JsonElement>(new Uri(Documents, UriKind.Relative), Cancel);

        Assert.Equal([ours, hospitalWide], listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order().Reverse());
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"{Documents}/{theirs}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/compliance/documents/{theirs}", UriKind.Relative), Cancel)).StatusCode);
    }

    private static string[] Rules(params string[] ids) => ids;

    private async Task<int> NoticeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await EvidenceDocumentExpiryJob.NoticeAsync(scope.ServiceProvider, Cancel);
    }

    private static async Task<long> CreateAsync(HttpClient client, object body)
    {
        var response = await PostAsync(client, Documents, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd(etag);
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        return await client.SendAsync(request, Cancel);
    }

    private static async Task<JsonElement> ItemAsync(HttpClient client, string requirement, string from, string to)
    {
        var report = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/compliance/status?from={from}&to={to}", UriKind.Relative), Cancel);
        return report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requirementId").GetString() == requirement);
    }

    private static async Task<string?> StatusAsync(HttpClient client, string requirement, string from, string to) =>
        (await ItemAsync(client, requirement, from, to)).GetProperty("status").GetString();

    private async Task<long> DepartmentAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        hospital ??= (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        return (await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel)).Value!.Id;
    }
}
