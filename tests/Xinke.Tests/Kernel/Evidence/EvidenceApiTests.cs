using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Evidence;

/// <summary>
/// The kernel's evidence through the API: rules nobody evidences are never green, and each
/// kernel provider's grade follows its records across the thresholds of the catalogue data.
/// </summary>
public abstract class EvidenceApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    private RequirementCatalogue catalogue = RequirementCatalogue.Shipped();
    private long? hospital;

    public sealed class OnSqlite() : EvidenceApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : EvidenceApiTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddTransient(_ => catalogue);
    }

    [Fact]
    public async Task A_rule_that_no_module_evidences_is_not_covered_yet_never_green()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var report = await EvidenceAsync(director);

        Assert.Equal(79, report.Items.Count);
        Assert.Equal("notCoveredYet", report.Status("ROOM-01"));
        await using var scope = App.Services.CreateAsyncScope();
        var served = scope.ServiceProvider.GetServices<IEvidenceProvider>().SelectMany(p => p.RequirementIds).ToHashSet(StringComparer.Ordinal);
        Assert.All(report.Items.Where(i => !served.Contains(i.RequirementId)), i => Assert.Equal("notCoveredYet", i.Status));
        Assert.All(report.Items.Where(i => served.Contains(i.RequirementId)), i => Assert.NotEqual("notCoveredYet", i.Status));
        Assert.Equal("尚无模块提供此项证据", report.Item("ROOM-01").Reason);
    }

    [Fact]
    [Trait("Req", "ACC-03")]
    public async Task The_second_factor_share_is_graded_by_the_thresholds_in_the_catalogue()
    {
        var department = await DepartmentAsync("检验科");
        for (var i = 0; i < 4; i++)
        {
            await CreateUserAsync($"engineer{i}", enrolMfa: i < 3, $"{BuiltInRoles.ItEngineer}@{department}");
        }

        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        catalogue = TunedCatalogue.With("ACC-03", ("met", 0.75), ("partly", 0.5));
        var met = (await EvidenceAsync(director, department)).Item("ACC-03");
        Assert.Equal("met", met.Status);
        Assert.Equal("4 个须双因素认证的账号中 3 个已启用", met.Reason);
        Assert.Contains(met.Links, l => l.Href == "/admin/users");

        catalogue = TunedCatalogue.With("ACC-03", ("met", 0.8), ("partly", 0.75));
        Assert.Equal("partlyMet", (await EvidenceAsync(director, department)).Status("ACC-03"));

        catalogue = TunedCatalogue.With("ACC-03", ("met", 0.8), ("partly", 0.76));
        Assert.Equal("notMet", (await EvidenceAsync(director, department)).Status("ACC-03"));
    }

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task The_share_of_current_passwords_is_graded_by_the_thresholds_in_the_catalogue()
    {
        var department = await DepartmentAsync("药剂科");
        var current = await CreateUserAsync("pharmacist1", $"{BuiltInRoles.Staff}@{department}");
        var stale = await CreateUserAsync("pharmacist2", $"{BuiltInRoles.Staff}@{department}");
        var initial = await CreateUserAsync("pharmacist3", $"{BuiltInRoles.Staff}@{department}");
        var now = Clock.GetUtcNow().UtcDateTime;
        await WithDbAsync(db => db.Set<Account>().Where(a => a.Id == stale.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordChangedAt, now.AddDays(-91)), Cancel));
        await WithDbAsync(db => db.Set<Account>().Where(a => a.Id == initial.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.MustChangePassword, true), Cancel));
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        catalogue = TunedCatalogue.With("ACC-05", ("met", 0.33), ("partly", 0.2));
        var met = (await EvidenceAsync(director, department)).Item("ACC-05");
        Assert.Equal("met", met.Status);
        Assert.Equal("3 个有效账号中 1 个已更换初始密码且未超过 90 天", met.Reason);

        catalogue = TunedCatalogue.With("ACC-05", ("met", 0.34), ("partly", 0.33));
        Assert.Equal("partlyMet", (await EvidenceAsync(director, department)).Status("ACC-05"));

        catalogue = TunedCatalogue.With("ACC-05", ("met", 0.9), ("partly", 0.34));
        Assert.Equal("notMet", (await EvidenceAsync(director, department)).Status("ACC-05"));
        Assert.NotEqual(current.Id, stale.Id);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Tamper_detection_is_met_only_while_the_latest_verification_is_recent_and_passed()
    {
        var auditor = await SignInAsync(await CreateUserAsync("auditor", BuiltInRoles.AuditAdmin));
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        Assert.Equal("notMet", (await EvidenceAsync(director)).Status("ACC-06"));

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal("met", (await EvidenceAsync(director)).Status("ACC-06"));

        Clock.Advance(TimeSpan.FromDays(8));
        director = await SignInAsync(directorAccount);
        var partly = (await EvidenceAsync(director)).Item("ACC-06");
        Assert.Equal("partlyMet", partly.Status);
        Assert.Equal("审计链最近一次校验通过，距今 8 天", partly.Reason);

        catalogue = TunedCatalogue.With("ACC-06", ("maxDaysSinceVerification", 8));
        Assert.Equal("met", (await EvidenceAsync(director)).Status("ACC-06"));

        catalogue = RequirementCatalogue.Shipped();
        Clock.Advance(TimeSpan.FromDays(24));
        director = await SignInAsync(directorAccount);
        Assert.Equal("notMet", (await EvidenceAsync(director)).Status("ACC-06"));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_failed_verification_is_not_met_however_recent()
    {
        var auditor = await SignInAsync(await CreateUserAsync("auditor", BuiltInRoles.AuditAdmin));
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        await WithDbAsync(db => db.Set<AuditEvent>().Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "someone else"), Cancel));

        await auditor.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative), Cancel);

        var answer = (await EvidenceAsync(director)).Item("ACC-06");
        Assert.Equal("notMet", answer.Status);
        Assert.Equal("最近一次审计链校验（0 天前）未通过", answer.Reason);
    }

    [Fact]
    public async Task Reasons_and_titles_follow_the_callers_language()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        director.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var report = await EvidenceAsync(director);

        Assert.Equal("The audit chain has never been verified", report.Item("ACC-06").Reason);
        Assert.Equal("A device is scrapped only after appraisal and approval", report.Item("EQ-06").Title);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var response = await director.GetAsync(new Uri("/api/v1/evidence?from=2026-03-01&to=2026-02-01", UriKind.Relative), Cancel);

        Assert.Equal("evidence.invalid_period", (await Problems.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_department_scoped_reader_sees_only_its_own_departments_evidence()
    {
        var own = await DepartmentAsync("心内科");
        var other = await DepartmentAsync("骨科");
        var reader = await SignInAsync(await CreateUserAsync("head", $"{BuiltInRoles.Leadership}@{own}"));

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/api/v1/evidence", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/api/v1/evidence?departmentId={other}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/api/v1/evidence?departmentId={own}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Anyone_signed_in_reads_the_rules_in_their_language()
    {
        var staff = await SignInAsync(await CreateUserAsync("nurse", BuiltInRoles.Staff));
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var rules = await staff.GetFromJsonAsync<List<RequirementDto>>(new Uri("/api/v1/requirements", UriKind.Relative), Cancel);

        Assert.Equal(79, rules!.Count);
        var scrapping = rules.Single(r => r.Id == "EQ-06");
        Assert.Equal("Equipment and assets", scrapping.AreaTitle);
        Assert.StartsWith("A device is scrapped only after", scrapping.Explanation, StringComparison.Ordinal);
        Assert.Equal(0.9, rules.Single(r => r.Id == "ACC-05").Thresholds["partly"]);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_classified_protection_item_is_never_greener_than_the_weakest_hospital_rule_that_proves_it()
    {
        var auditor = await SignInAsync(await CreateUserAsync("auditor", BuiltInRoles.AuditAdmin));
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        Assert.Equal("notMet", (await EvidenceAsync(director, framework: "gbt22239-l3")).Status("8.1.4.3a-b"));

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative), Cancel)).StatusCode);

        var level3 = await EvidenceAsync(director, framework: "gbt22239-l3");
        Assert.Equal(36, level3.Items.Count);
        Assert.Equal("met", level3.Status("8.1.4.3a-b"));
        var weakest = level3.Item("8.1.4.3c-d");
        Assert.Equal("notCoveredYet", weakest.Status);
        Assert.Equal("由 ACC-06, DATA-04 的记录证明（最弱一项：DATA-04）", weakest.Reason);
        Assert.Contains(weakest.Links, l => l.Href == "/audit");
    }

    [Fact]
    public async Task An_unknown_framework_is_not_found_with_a_code()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var status = await director.GetAsync(new Uri("/api/v1/compliance/status?framework=iso27001", UriKind.Relative), Cancel);
        var rules = await director.GetAsync(new Uri("/api/v1/compliance/requirements?framework=iso27001", UriKind.Relative), Cancel);

        Assert.Equal("compliance.framework_not_found", (await Problems.ReadAsync(status, HttpStatusCode.NotFound)).Code);
        Assert.Equal("compliance.framework_not_found", (await Problems.ReadAsync(rules, HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task The_frameworks_and_their_mapped_rules_are_listed_with_citations()
    {
        var staff = await SignInAsync(await CreateUserAsync("nurse", BuiltInRoles.Staff));

        var frameworks = await staff.GetFromJsonAsync<List<FrameworkDto>>(new Uri("/api/v1/compliance/frameworks", UriKind.Relative), Cancel);
        var level3 = await staff.GetFromJsonAsync<List<RequirementDto>>(new Uri("/api/v1/compliance/requirements?framework=gbt22239-l3", UriKind.Relative), Cancel);
        var hospitalRules = await staff.GetFromJsonAsync<List<RequirementDto>>(new Uri("/api/v1/compliance/requirements", UriKind.Relative), Cancel);

        Assert.Equal([("hospital", true), ("gbt22239-l3", false)], frameworks!.Select(f => (f.Code, f.Native)));
        Assert.Equal(["ACC-06", "DATA-04"], level3!.Single(r => r.Id == "8.1.4.3c-d").EvidencedBy);
        Assert.Equal(7, hospitalRules!.Single(r => r.Id == "ACC-06").Citations["maxDaysSinceVerification"].Value);
        Assert.Equal("产品默认值：审计链至少每周校验一次。", hospitalRules!.Single(r => r.Id == "ACC-06").Citations["maxDaysSinceVerification"].Citation);
    }

    [Fact]
    public async Task The_dashboard_puts_the_worst_gaps_first_and_drills_down_to_a_rules_records()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var page = await director.GetStringAsync(new Uri("/compliance?from=2026-01-01&to=2026-03-02", UriKind.Relative), Cancel);
        var detail = await director.GetAsync(new Uri("/compliance/requirements/ACC-06?from=2026-01-01&to=2026-03-02", UriKind.Relative), Cancel);
        var unknown = await director.GetAsync(new Uri("/compliance/requirements/ZZZ-01", UriKind.Relative), Cancel);

        var rows = System.Text.RegularExpressions.Regex.Matches(page, "data-requirement=\"([A-Z]+-[0-9]+)\".*?data-status=\"([A-Za-z]+)\"", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => (Id: m.Groups[1].Value, Status: Enum.Parse<ComplianceStatus>(m.Groups[2].Value))).ToList();
        Assert.Equal(79, rows.Count);
        Assert.Contains(rows, r => r.Id == "ACC-06" && r.Status == ComplianceStatus.NotMet);
        var ranks = rows.Select(r => Xinke.Pages.Compliance.IndexModel.Rank(r.Status)).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(ComplianceStatus.NotMet, rows[0].Status);
        Assert.Contains("data-testid=\"compliance-trend\"", page, StringComparison.Ordinal);
        var body = await detail.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("8.1.4.3a-b", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_liaison_sees_her_own_departments_part_of_the_dashboard_only()
    {
        var own = await DepartmentAsync("心内科");
        var other = await DepartmentAsync("骨科");
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{own}"));

        var page = await liaison.GetStringAsync(new Uri($"/compliance?departmentId={other}", UriKind.Relative), Cancel);
        var status = await liaison.GetAsync(new Uri($"/api/v1/compliance/status?departmentId={other}", UriKind.Relative), Cancel);

        Assert.Contains($"<option value=\"{own}\" selected=\"selected\">心内科</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("骨科", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"\">全院</option>", page, StringComparison.Ordinal);
        Assert.Equal("compliance.department_out_of_scope", (await Problems.ReadAsync(status, HttpStatusCode.NotFound)).Code);
    }

    private async Task<long> DepartmentAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        hospital ??= (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var created = await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!.Id;
    }

    private static async Task<Report> EvidenceAsync(HttpClient client, long? departmentId = null, string? framework = null)
    {
        var url = framework is not null ? $"/api/v1/compliance/status?framework={framework}"
            : departmentId is null ? "/api/v1/evidence" : $"/api/v1/evidence?departmentId={departmentId}";
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<Report>(JsonSerializerOptions.Web, Cancel))!;
    }

    private sealed record Link(string Text, string Href);

    private sealed record Item(string RequirementId, string Title, string Status, string Reason, List<Link> Links);

    private sealed record Report(List<Item> Items)
    {
        public Item Item(string id) => Items.Single(i => i.RequirementId == id);

        public string Status(string id) => Item(id).Status;
    }
}
