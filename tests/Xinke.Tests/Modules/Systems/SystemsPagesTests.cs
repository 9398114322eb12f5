using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Systems;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Systems;

/// <summary>The register's pages: the list with its filters and badges, and the forms that record and edit systems.</summary>
public abstract class SystemsPagesTests(DatabaseKind kind) : SystemsTest(kind)
{
    public sealed class OnSqlite() : SystemsPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SystemsPagesTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_list_page_shows_the_register_with_overdue_badges_and_filters()
    {
        var it = await DepartmentAsync("信息中心");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await CreateAsync(engineer, Body(it, code: "HIS"));
        await CreateAsync(engineer, Body(it, code: "PACS", filing: "11010143001-24002", assessed: "2024-06-30"));
        var head = await SignInAsync(await CreateUserAsync("zhao.zhuren", $"{BuiltInRoles.DeptHead}@{it}"));

        var list = await PageAsync(head, "/systems");

        Assert.Contains(">HIS</a>", list, StringComparison.Ordinal);
        Assert.Contains(">PACS</a>", list, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list, "data-testid=\"overdue\""));
        Assert.Contains("/api/v1/systems/export?format=xlsx", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"new-system\"", list, StringComparison.Ordinal);
        var overdue = await PageAsync(head, "/systems?overdue=true");
        Assert.DoesNotContain(">HIS</a>", overdue, StringComparison.Ordinal);
        Assert.Contains("/api/v1/systems/export?overdue=true&format=csv", overdue, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "SEC-01")]
    public async Task The_new_form_records_a_system_and_shows_a_missing_filing_number_at_its_field()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var form = await PageAsync(client, "/systems/new");
        var fields = new Dictionary<string, string>
        {
            ["Code"] = "EMR",
            ["Name"] = "电子病历系统",
            ["OwnerDepartmentId"] = it.ToString(CultureInfo.InvariantCulture),
            ["ProtectionLevel"] = "3",
            ["FilingNumber"] = "",
            ["LastAssessedOn"] = "2025-11-20",
            ["DataClasses"] = "important",
            ["HoldsHealthData"] = "true",
            ["Criticality"] = "critical",
            ["RtoMinutes"] = "30",
            ["RpoMinutes"] = "5",
            ["Status"] = "inService",
        };

        var refused = await PageForms.SubmitAsync(client, form, "/systems/new", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Matches("data-testid=\"error-filing\">[^<]*备案编号[^<]*\\(SEC-01\\)", shown);
        Assert.Equal(0, await WithDbAsync(db => db.Set<InformationSystem>().CountAsync(Cancel)));

        fields["FilingNumber"] = "11010143001-24001";
        var created = await PageForms.SubmitAsync(client, form, "/systems/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var system = await WithDbAsync(db => db.Set<InformationSystem>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal($"/systems/{system.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("EMR", 3, DataClasses.Important, true, false, new DateOnly(2025, 11, 20)), (system.Code, system.ProtectionLevel, system.DataClasses, system.HoldsHealthData, system.HoldsPersonalData, system.LastAssessedOn!.Value));
        var detail = await PageAsync(client, $"/systems/{system.Id}");
        Assert.Contains("电子病历系统", detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_form_refuses_a_stale_version_and_the_retire_form_keeps_the_record()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var id = await CreateAsync(client, Body(it, code: "OA", level: 2, filing: "11010143001-23001"));
        var edit = await PageAsync(client, $"/systems/{id}/edit");
        var fields = new Dictionary<string, string>
        {
            ["Code"] = "OA",
            ["Name"] = "协同办公系统",
            ["OwnerDepartmentId"] = it.ToString(CultureInfo.InvariantCulture),
            ["ProtectionLevel"] = "2",
            ["FilingNumber"] = "11010143001-23001",
            ["Criticality"] = "low",
            ["RtoMinutes"] = "1440",
            ["RpoMinutes"] = "240",
            ["Status"] = "inService",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.SubmitAsync(client, edit, $"/systems/{id}/edit", fields)).StatusCode);

        fields["Name"] = "旧表单";
        var stale = await PageForms.SubmitAsync(client, edit, $"/systems/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("记录已被他人修改", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal("协同办公系统", (await GetAsync(client, id)).GetProperty("name").GetString());

        var detail = await PageAsync(client, $"/systems/{id}");
        var retired = await PageForms.SubmitAsync(client, detail, $"/systems/{id}?handler=Retire", new() { ["reason"] = "并入 HRP" });
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var after = await PageAsync(client, $"/systems/{id}");
        Assert.Contains("并入 HRP", after, StringComparison.Ordinal);
        Assert.DoesNotContain("retire-form", after, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
    }
}
