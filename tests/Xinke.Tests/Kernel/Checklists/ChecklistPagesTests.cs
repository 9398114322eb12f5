using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Checklists;

/// <summary>The checklist, improvement and calendar pages, driven as a person at a browser would.</summary>
public sealed class ChecklistPagesTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    [Trait("Req", "OPS-03")]
    public async Task An_engineer_starts_records_and_completes_a_run_from_the_pages_and_sees_the_finding()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var created = await PostAsync(director, "/api/v1/checklist-templates", new
        {
            code = "UPS-WEEKLY",
            name = "UPS 周检",
            kind = "maintenance",
            items = new object[] { new { label = "电池温度", type = "number", minimum = 15, maximum = 30, unit = "°C" }, new { label = "告警灯熄灭", type = "yesNo" } },
        });
        var items = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var index = await PageAsync(engineer, "/checklists");
        Assert.Contains("UPS 周检", index, StringComparison.Ordinal);
        var started = await PageForms.SubmitAsync(engineer, index, "/checklists", new() { ["templateCode"] = "UPS-WEEKLY", ["subjectType"] = "asset", ["subjectLabel"] = "门诊楼 UPS", ["location"] = "门诊楼负一层" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var runPath = started.Headers.Location!.OriginalString;

        var runPage = await PageAsync(engineer, runPath);
        Assert.Contains("电池温度", runPage, StringComparison.Ordinal);
        var recorded = await PageForms.SubmitAsync(engineer, runPage, $"{runPath}?handler=Record", new()
        {
            ["Readings[0].ItemId"] = items[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Readings[0].Value"] = "35",
            ["Readings[1].ItemId"] = items[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Readings[1].Value"] = "yes",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var completed = await PageForms.SubmitAsync(engineer, await PageAsync(engineer, runPath), $"{runPath}?handler=Complete", []);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        var done = await PageAsync(engineer, runPath);
        Assert.Contains("已完成", done, StringComparison.Ordinal);
        var findingId = await WithDbAsync(db => db.Set<ImprovementAction>().Select(a => a.Id).SingleAsync(Cancel));
        Assert.Contains($"href=\"/improvements/{findingId}\"", done, StringComparison.Ordinal);
        Assert.DoesNotContain("complete-form", done, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "OPS-05")]
    public async Task The_owner_submits_on_the_page_is_offered_no_verification_and_another_verifies()
    {
        var ownerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItDirector);
        var owner = await SignInAsync(ownerAccount);
        var verifier = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var raised = await PostAsync(verifier, "/api/v1/improvements", new { description = "核心交换机固件升级", ownerId = ownerAccount.Id, dueDate = "2026-03-20" });
        var body = await raised.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var (id, code) = (body.GetProperty("id").GetInt64(), body.GetProperty("code").GetString()!);

        var page = await PageAsync(owner, $"/improvements/{id}");
        Assert.Contains("submit-form", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(owner, page, $"/improvements/{id}?handler=Submit", new() { ["evidence"] = "已升级至 9.3.12" })).StatusCode);

        var ownersView = await PageAsync(owner, $"/improvements/{id}");
        Assert.DoesNotContain("verify-form", ownersView, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await PageForms.SubmitAsync(owner, ownersView, $"/improvements/{id}?handler=Verify", [])).Content.ReadAsStringAsync(Cancel));
        Assert.Contains("责任人不能验证自己的整改", refused, StringComparison.Ordinal);

        var verifiersView = await PageAsync(verifier, $"/improvements/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(verifier, verifiersView, $"/improvements/{id}?handler=Verify", [])).StatusCode);
        Assert.Contains("已验证关闭", await PageAsync(verifier, $"/improvements/{id}"), StringComparison.Ordinal);
        Assert.Contains(code, await PageAsync(verifier, "/improvements?status=Verified"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await PageAsync(verifier, "/improvements?status=AwaitingVerification"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_director_enters_a_year_on_the_calendar_page_and_a_broken_one_is_explained()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var page = await PageAsync(director, "/admin/calendar");
        Assert.Contains("Asia/Shanghai", page, StringComparison.Ordinal);

        var broken = WebUtility.HtmlDecode(await (await PageForms.SubmitAsync(director, page, "/admin/calendar", new() { ["year"] = "2027", ["arrangement"] = """{"holidays":[{"name":"元旦","off":["2027-01-01"]}],"workingDays":["2027-01-04"]}""" })).Content.ReadAsStringAsync(Cancel));
        Assert.Contains("2027-01-04 不是周六或周日", broken, StringComparison.Ordinal);

        var saved = WebUtility.HtmlDecode(await (await PageForms.SubmitAsync(director, page, "/admin/calendar", new() { ["year"] = "2027", ["arrangement"] = """{"holidays":[{"name":"元旦","off":["2027-01-01","2027-01-02","2027-01-03"]}],"workingDays":[]}""" })).Content.ReadAsStringAsync(Cancel));
        Assert.Contains("calendar-saved", saved, StringComparison.Ordinal);
        Assert.Contains("<td>2027</td>", saved, StringComparison.Ordinal);

        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var readOnly = await PageAsync(engineer, "/admin/calendar");
        Assert.Contains("<td>2027</td>", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("calendar-form", readOnly, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return WebUtility.HtmlDecode(body);
    }



}
