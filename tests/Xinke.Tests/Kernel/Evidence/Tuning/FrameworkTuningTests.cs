using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Evidence.Tuning;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Evidence.Tuning;

/// <summary>
/// The IT director imports further frameworks (validated like the shipped ones, versioned, never
/// replacing a shipped one) and sets a rule's thresholds, which then grade the records.
/// </summary>
public abstract class FrameworkTuningTests(DatabaseKind kind) : IdentityTest(kind)
{
    private const string Frameworks = "/api/v1/compliance/frameworks";
    private static readonly string[] InspectionRule = ["ORG-06"];

    public sealed class OnSqlite() : FrameworkTuningTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : FrameworkTuningTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_malformed_framework_file_imports_nothing_and_names_the_bad_node()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var parentRule = await Problems.ReadAsync(await ImportAsync(director, Framework("acc-info", "2020", "制度督查", extraChild: true)), HttpStatusCode.BadRequest);
        var unknownRule = await Problems.ReadAsync(await ImportAsync(director, Framework("acc-info", "2020", "制度督查", proves: "ZZZ-99")), HttpStatusCode.BadRequest);
        var notJson = await Problems.ReadAsync(await ImportAsync(director, "{ \"framework\": "), HttpStatusCode.BadRequest);

        Assert.Equal(FrameworkTuningErrors.Invalid, parentRule.Code);
        Assert.Contains("4.1.1", parentRule.Errors.Keys);
        Assert.Contains("4.1.1", unknownRule.Errors.Keys);
        Assert.Contains("file", notJson.Errors.Keys);
        Assert.Equal(0, await WithDbAsync(db => db.Set<ImportedFramework>().CountAsync(Cancel)));
        var listed = await director.GetFromJsonAsync<JsonElement>(new Uri(Frameworks, UriKind.Relative), Cancel);
        Assert.DoesNotContain("acc-info", listed.EnumerateArray().Select(f => f.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_reimport_is_a_new_version_the_old_one_kept_and_a_shipped_framework_is_never_replaced()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var first = await ImportAsync(director, Framework("acc-info", "2020", "制度督查"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await ImportMultipartAsync(director, Framework("acc-info", "2022", "制度定期督查"));
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("version").GetInt32());
        var shipped = await Problems.ReadAsync(await ImportAsync(director, Framework("gbt22239-l3", "2019", "替换等保")), HttpStatusCode.Conflict);

        Assert.Equal(FrameworkTuningErrors.Shipped, shipped.Code);
        Assert.Equal([1, 2], await WithDbAsync(db => db.Set<ImportedFramework>().Where(f => f.Code == "acc-info").OrderBy(f => f.Version).Select(f => f.Version).ToListAsync(Cancel)));
        var rules = await director.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/compliance/requirements?framework=acc-info", UriKind.Relative), Cancel);
        Assert.Equal("制度定期督查", rules[0].GetProperty("title").GetString());
        var status = await director.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/compliance/status?framework=acc-info&from=2026-02-01&to=2026-02-28", UriKind.Relative), Cancel);
        Assert.Equal("notMet", status.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Req", "ORG-06")]
    public async Task Overriding_one_threshold_flips_the_status_and_keeps_who_when_why_beside_the_filed_value()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);

        // 59 days in January and February; the rules in force from 15 January cover 45 of them (76%), under the filed 80%.
        var rules = await PostAsync(director, "/api/v1/evidence-documents", new { title = "信息系统监督检查制度", kind = "policy", requirementIds = InspectionRule, coversFrom = "2026-01-15", ownerAccountId = directorAccount.Id });
        var document = (await rules.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        await AttachmentUploads.AttachAsync(director, EvidenceDocument.OwnerType, document, "监督检查制度.pdf", "application/pdf", AttachmentUploads.Pdf());
        Assert.Equal("notMet", await StatusAsync(director, "ORG-06"));

        var url = $"{Frameworks}/hospital/requirements/ORG-06/thresholds";
        var before = await director.GetAsync(new Uri(url, UriKind.Relative), Cancel);
        var edited = await PatchAsync(director, url, before.Headers.ETag!.Tag, new { values = new { partly = 0.76 }, reason = "评审专家认可四分之三覆盖为部分满足" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("partlyMet", await StatusAsync(director, "ORG-06"));
        var partly = (await edited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "partly");
        Assert.Equal((0.76, 0.8), (partly.GetProperty("value").GetDouble(), partly.GetProperty("filedValue").GetDouble()));
        Assert.Equal(directorAccount.Id, partly.GetProperty("editedById").GetInt64());
        Assert.Equal("评审专家认可四分之三覆盖为部分满足", partly.GetProperty("reason").GetString());
        var page = await director.GetStringAsync(new Uri("/compliance/requirements/ORG-06", UriKind.Relative), Cancel);
        Assert.Contains("评审专家认可四分之三覆盖为部分满足", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_director_tunes_frameworks_and_a_stale_or_missing_version_changes_nothing()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var reviewer = await SignInAsync(await CreateUserAsync("reviewer", BuiltInRoles.Reviewer));
        var url = $"{Frameworks}/hospital/requirements/ORG-06/thresholds";
        var edit = new { values = new { partly = 0.5 }, reason = "放宽" };

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(reviewer, Framework("acc-info", "2020", "制度督查"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(reviewer, url, "\"0\"", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(director, url, "\"0\"", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(director, url, "\"0\"", new { values = new { partly = 0.1 }, reason = "再放宽" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(director, url, null, new { values = new { partly = 0.1 }, reason = "再放宽" })).StatusCode);
        var unknown = await Problems.ReadAsync(await PatchAsync(director, url, "\"1\"", new { values = new { weekly = 1 }, reason = "无此项" }), HttpStatusCode.BadRequest);
        Assert.Contains("values.weekly", unknown.Errors.Keys);

        Assert.Equal(0.5, await WithDbAsync(db => db.Set<ThresholdOverride>().Where(o => o.RequirementId == "ORG-06").Select(o => o.Value).SingleAsync(Cancel)));
    }

    private static string Framework(string code, string version, string title, string proves = "ORG-06", bool extraChild = false)
    {
        var children = extraChild ? ", \"children\": [{ \"id\": \"4.1.1.1\", \"assessable\": true, \"title\": { \"zh-CN\": \"子项\" }, \"explanation\": { \"zh-CN\": \"子项\" } }]" : "";
        return $$"""
            { "framework": { "code": "{{code}}", "version": "{{version}}", "title": { "zh-CN": "三级医院评审信息条款", "en-US": "Accreditation information items" } },
              "nodes": [ { "id": "4.1", "title": { "zh-CN": "信息管理" }, "children": [
                { "id": "4.1.1", "assessable": true, "title": { "zh-CN": "{{title}}" }, "explanation": { "zh-CN": "信息工作定期督查。" },
                  "evidencedBy": { "framework": "hospital", "requirements": ["{{proves}}"] }{{children}} } ] } ] }
            """;
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Frameworks) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await SendWithHeadersAsync(client, request);
    }

    private static async Task<HttpResponseMessage> ImportMultipartAsync(HttpClient client, string json)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var form = new MultipartFormDataContent { { file, "file", "acc-info.json" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, Frameworks) { Content = form };
        return await SendWithHeadersAsync(client, request);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string? etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.ParseAdd(etag);
        }

        return await SendWithHeadersAsync(client, request);
    }

    private static Task<HttpResponseMessage> SendWithHeadersAsync(HttpClient client, HttpRequestMessage request)
    {
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        return client.SendAsync(request, Cancel);
    }

    private static async Task<string?> StatusAsync(HttpClient client, string requirement)
    {
        var report = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/compliance/status?from=2026-01-01&to=2026-02-28", UriKind.Relative), Cancel);
        return report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requirementId").GetString() == requirement).GetProperty("status").GetString();
    }
}
