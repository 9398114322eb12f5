using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Knowledge;

/// <summary>The knowledge base's pages: search with the matched passage marked, the article, the editor's preview and the "search before you file" fragment.</summary>
public sealed class KnowledgePagesTests() : KnowledgeTest(DatabaseKind.Sqlite)
{
    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task Staff_search_the_knowledge_base_page_and_see_the_matched_term_marked()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var id = await PublishedAsync(engineer, "门诊打印机卡纸", "打开后盖，取出卡住的<b>纸张</b>。");
        await CreateAsync(engineer, "打印机驱动草稿", "未审核");

        var html = await staff.GetStringAsync(new Uri("/servicedesk/kb?q=" + Uri.EscapeDataString("卡纸"), UriKind.Relative), Cancel);

        Assert.Contains($"href=\"/servicedesk/kb/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>卡纸</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("打印机驱动草稿", html, StringComparison.Ordinal);
        Assert.DoesNotContain("new-article", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task The_suggestions_under_a_ticket_title_list_published_matches_only()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        await PublishedAsync(engineer, "门诊打印机卡纸", "打开后盖取纸。");
        await CreateAsync(engineer, "打印机驱动草稿", "未审核");

        var fragment = await staff.GetStringAsync(new Uri("/servicedesk/kb/suggest?q=" + Uri.EscapeDataString("三楼打印机又卡纸了"), UriKind.Relative), Cancel);
        var none = await staff.GetStringAsync(new Uri("/servicedesk/kb/suggest?q=" + Uri.EscapeDataString("打"), UriKind.Relative), Cancel);
        var draftsHidden = await engineer.GetStringAsync(new Uri("/servicedesk/kb/suggest?q=" + Uri.EscapeDataString("驱动"), UriKind.Relative), Cancel);

        Assert.Contains("门诊打印机卡纸", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("打印机驱动草稿", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("kb-suggestion", none, StringComparison.Ordinal);
        Assert.DoesNotContain("kb-suggestion", draftsHidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_renders_the_body_and_counts_the_reading()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var id = await PublishedAsync(engineer, "门诊打印机卡纸", "| 步骤 | 操作 |\n|---|---|\n| 1 | 打开后盖 |\n\n<img src=\"x\" onerror=\"alert(1)\">");

        var html = await staff.GetStringAsync(new Uri($"/servicedesk/kb/{id}", UriKind.Relative), Cancel);

        Assert.Contains("<td>打开后盖</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.Set<KnowledgeArticle>().Where(a => a.Id == id).Select(a => a.Views).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task A_writer_previews_then_saves_a_draft_from_the_editor()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var form = await engineer.GetStringAsync(new Uri("/servicedesk/kb/edit", UriKind.Relative), Cancel);
        var fields = new Dictionary<string, string> { ["Title"] = "自助机无法打印", ["BodyMarkdown"] = "**检查纸卷**<script>x()</script>", ["Tags"] = "自助机，打印" };

        var preview = await PageForms.SubmitAsync(engineer, form, "/servicedesk/kb/edit?handler=Preview", fields);
        var previewHtml = await preview.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<strong>检查纸卷</strong>", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>x()", previewHtml, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<KnowledgeArticle>().CountAsync(Cancel)));

        var saved = await PageForms.SubmitAsync(engineer, form, "/servicedesk/kb/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await WithDbAsync(db => db.Set<KnowledgeArticle>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(KnowledgeStatus.Draft, article.Status);
        Assert.Equal("自助机,打印", article.Tags);
        Assert.Equal($"/servicedesk/kb/{article.Id}", saved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_cannot_open_the_editor()
    {
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));

        var response = await staff.GetAsync(new Uri("/servicedesk/kb/edit", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/status/403", response.Headers.Location!.AbsolutePath);
    }
}
