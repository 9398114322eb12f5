using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Systems;

namespace Xinke.Tests.Modules.Systems;

/// <summary>
/// SEC-01 from the register: the share of in-service systems of level 2 and up that are filed and
/// not overdue for assessment, graded by the catalogue's default thresholds (met 100 %, partly 80 %);
/// and the home page's reminder of overdue assessments for those who keep the register.
/// </summary>
public abstract class SystemsEvidenceTests(DatabaseKind kind) : SystemsTest(kind)
{
    public sealed class OnSqlite() : SystemsEvidenceTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SystemsEvidenceTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "SEC-01")]
    public async Task The_grade_follows_the_share_of_filed_and_assessed_systems()
    {
        var it = await DepartmentAsync("信息中心");
        var lab = await DepartmentAsync("检验科");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var ids = new List<long>();
        foreach (var code in new[] { "HIS", "EMR", "PACS", "LIS", "RIS" })
        {
            ids.Add(await CreateAsync(engineer, Body(it, code: code, filing: $"11010143001-24{code}")));
        }

        await CreateAsync(engineer, Body(it, code: "KIOSK", level: 1, filing: null));
        var retired = await CreateAsync(engineer, Body(it, code: "OLD", assessed: "2020-01-01"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/systems/{retired}/retire", new { reason = "已停用" })).StatusCode);

        var met = await EvidenceAsync(director);
        Assert.Equal("met", met.GetProperty("status").GetString());
        Assert.Equal("5 个在用的二级及以上系统中 5 个已备案且测评未逾期", met.GetProperty("reason").GetString());
        Assert.Equal("met", (await EvidenceAsync(director, it)).GetProperty("status").GetString());
        Assert.Equal("notMet", (await EvidenceAsync(director, lab)).GetProperty("status").GetString());

        // A record from before the rule, kept without its filing number: four of five is "partly" (80 %).
        await App.WithDbAsync(db => db.Set<InformationSystem>().Where(s => s.Id == ids[4]).ExecuteUpdateAsync(u => u.SetProperty(s => s.FilingNumber, (string?)null), Cancel));
        var partly = await EvidenceAsync(director);
        Assert.Equal("partlyMet", partly.GetProperty("status").GetString());
        Assert.Contains(partly.GetProperty("links").EnumerateArray(), l => l.GetProperty("href").GetString() == $"/systems/{ids[4]}" && l.GetProperty("text").GetString() == "RIS");

        var lis = await GetAsync(engineer, ids[3]);
        var overdue = await PatchAsync(engineer, ids[3], """{"lastAssessedOn":"2024-12-31"}""", $"\"{lis.GetProperty("version").GetInt64()}\"");
        Assert.Equal(HttpStatusCode.OK, overdue.StatusCode);
        Assert.Equal("notMet", (await EvidenceAsync(director)).GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Req", "SEC-01")]
    public async Task An_empty_register_proves_nothing()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));

        Assert.Equal("notMet", (await EvidenceAsync(director)).GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Req", "SEC-01")]
    public async Task Overdue_assessments_are_shown_on_the_home_page_of_those_who_keep_the_register()
    {
        var it = await DepartmentAsync("信息中心");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var reviewer = await SignInAsync(await CreateUserAsync("ping.shen", BuiltInRoles.Reviewer));
        await CreateAsync(engineer, Body(it, code: "HIS", assessed: "2026-01-10"));
        Assert.DoesNotContain("data-req=\"SEC-01\"", await engineer.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);

        await CreateAsync(engineer, Body(it, code: "PACS", filing: "11010143001-24002", assessed: "2024-06-30"));

        var home = WebUtility.HtmlDecode(await engineer.GetStringAsync(new Uri("/", UriKind.Relative), Cancel));
        Assert.Contains("data-req=\"SEC-01\"", home, StringComparison.Ordinal);
        Assert.Contains("1 个信息系统的等级保护测评已逾期", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-req=\"SEC-01\"", await reviewer.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> EvidenceAsync(HttpClient client, long? departmentId = null)
    {
        var report = await client.GetFromJsonAsync<JsonElement>(departmentId is null ? "/api/v1/evidence" : $"/api/v1/evidence?departmentId={departmentId}", Cancel);
        return report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requirementId").GetString() == "SEC-01");
    }
}
