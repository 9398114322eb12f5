using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Tickets;

/// <summary>The fault form shows matching knowledge-base articles before anything is filed, with or without script.</summary>
public abstract class ReportSuggestTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    public sealed class OnSqlite() : ReportSuggestTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ReportSuggestTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task Searching_first_shows_the_matching_published_article_and_files_nothing()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var created = await PostAsync(engineer, "/api/v1/kb", new { title = "门诊打印机卡纸处理", bodyMarkdown = "关闭电源，打开前盖，顺着走纸方向抽出卡纸。" });
        var article = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/kb/{article}/publish")).StatusCode);
        await PostAsync(engineer, "/api/v1/kb", new { title = "打印机驱动安装草稿", bodyMarkdown = "未审核" });

        var form = await nurse.GetStringAsync(new Uri("/servicedesk/report", UriKind.Relative), Cancel);
        Assert.Contains("data-kb-suggest-for=\"what\"", form, StringComparison.Ordinal);
        Assert.Contains("kb-suggest.js", form, StringComparison.Ordinal);
        Assert.DoesNotContain("kb-suggestion", form, StringComparison.Ordinal);

        var searched = await PageForms.SubmitAsync(nurse, form, "/servicedesk/report?handler=Search", new() { ["what"] = "门诊三楼打印机卡纸" });
        var html = await searched.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        Assert.Contains($"href=\"/servicedesk/kb/{article}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("打印机驱动安装草稿", html, StringComparison.Ordinal);
        Assert.Contains("门诊三楼打印机卡纸</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Ticket>().CountAsync(Cancel)));
    }
}
