using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Knowledge;

/// <summary>
/// The knowledge base: engineers write and publish, staff find published articles by any run of
/// Chinese characters (trigram search on both databases) before they file a ticket.
/// </summary>
public abstract class KnowledgeApiTests(DatabaseKind kind) : KnowledgeTest(kind)
{
    public sealed class OnSqlite() : KnowledgeApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KnowledgeApiTests(DatabaseKind.Postgres);

    private static readonly string[] PrinterTags = ["打印机", "门诊"];

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_search_for_any_three_or_two_characters_of_a_title_finds_the_published_article()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var printer = await PublishedAsync(engineer, "门诊打印机卡纸", "打开后盖，取出卡住的纸张，再按继续键。");
        var network = await PublishedAsync(engineer, "病房网络中断怎么办", "先看交换机指示灯，再检查网线是否松动。");

        Assert.Equal([printer], await SearchAsync(staff, "打印机"));
        Assert.Equal([printer], await SearchAsync(staff, "卡纸"));
        Assert.Equal([network], await SearchAsync(staff, "网络"));
        Assert.Equal([printer], await SearchAsync(staff, "后盖 继续键"));
        Assert.Empty(await SearchAsync(staff, "打印机 网线"));
        Assert.Equal([printer], await ListAsync(staff, "?q=%E6%89%93%E5%8D%B0%E6%9C%BA"));
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task The_search_returns_the_passage_that_matched()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await PublishedAsync(engineer, "门诊打印机卡纸", "处理步骤：打开后盖，取出卡住的纸张。");

        var hits = await engineer.GetFromJsonAsync<JsonElement>("/api/v1/kb/search?q=" + Uri.EscapeDataString("卡住"), Cancel);

        var snippet = hits.EnumerateArray().Single().GetProperty("snippet");
        Assert.Equal("卡住", snippet.GetProperty("match").GetString());
        Assert.EndsWith("取出", snippet.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("的纸张", snippet.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task Staff_never_find_a_draft_or_an_archived_article_but_writers_do()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var draft = await CreateAsync(engineer, "门诊打印机卡纸（草稿）", "未审核的处理方法");
        var archived = await PublishedAsync(engineer, "旧款打印机卡纸", "该型号已淘汰");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/kb/{archived}/archive")).StatusCode);

        Assert.Empty(await SearchAsync(staff, "打印机"));
        Assert.Empty(await ListAsync(staff, "?q=" + Uri.EscapeDataString("卡纸")));
        Assert.Empty(await ListAsync(staff, string.Empty));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/kb/{draft}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/kb/{archived}", Cancel)).StatusCode);
        Assert.Equal(new[] { draft, archived }.Order(), (await SearchAsync(engineer, "打印机")).Order());
        Assert.Equal([draft], await ListAsync(engineer, "?status=draft"));
    }

    [Fact]
    public async Task A_staff_member_cannot_write_and_a_writer_must_give_a_title_and_a_body()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, "/api/v1/kb", new { title = "自己写的", bodyMarkdown = "内容" })).StatusCode);
        var missing = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/kb", new { title = " ", bodyMarkdown = "内容" }), HttpStatusCode.BadRequest);
        Assert.Equal(KnowledgeErrors.InvalidTitle, missing.Code);
        Assert.Contains("title", missing.Errors.Keys);
        Assert.Equal(KnowledgeErrors.InvalidBody, (await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/kb", new { title = "标题" }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(KnowledgeErrors.UnknownSystem, (await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/kb", new { title = "标题", bodyMarkdown = "内容", systemId = 999999 }), HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task An_edit_of_a_published_article_needs_the_current_version_and_keeps_the_text_it_replaces()
    {
        var writer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(writer);
        var id = await PublishedAsync(engineer, "门诊打印机卡纸", "打开后盖，用力拉出纸张。");
        var current = await engineer.GetAsync($"/api/v1/kb/{id}", Cancel);
        var etag = current.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(engineer, id, null, new { bodyMarkdown = "新的步骤" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(engineer, id, "\"99\"", new { bodyMarkdown = "新的步骤" })).StatusCode);
        var edited = await PatchAsync(engineer, id, etag, new { bodyMarkdown = "先关机，再打开后盖取纸。", tags = PrinterTags });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var article = await edited.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(2, article.GetProperty("revision").GetInt32());
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal(["打印机", "门诊"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var revisions = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/kb/{id}/revisions", Cancel);
        var kept = revisions.EnumerateArray().Single();
        Assert.Equal(1, kept.GetProperty("number").GetInt32());
        Assert.Equal("打开后盖，用力拉出纸张。", kept.GetProperty("bodyMarkdown").GetString());
        Assert.Equal(writer.Id, kept.GetProperty("editedById").GetInt64());
        Assert.Equal([id], await SearchAsync(engineer, "先关机"));
        Assert.Empty(await SearchAsync(engineer, "用力拉出"));
    }

    [Fact]
    public async Task An_archived_article_is_not_edited_until_published_again()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await PublishedAsync(engineer, "门诊打印机卡纸", "打开后盖取纸。");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/kb/{id}/archive")).StatusCode);
        var etag = (await engineer.GetAsync($"/api/v1/kb/{id}", Cancel)).Headers.ETag!.Tag;

        Assert.Equal(KnowledgeErrors.Archived, (await Problems.ReadAsync(await PatchAsync(engineer, id, etag, new { title = "改标题" }), HttpStatusCode.Conflict)).Code);
        Assert.Equal(KnowledgeErrors.NotPublished, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/kb/{id}/archive"), HttpStatusCode.Conflict)).Code);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/kb/{id}/publish")).StatusCode);
        Assert.Equal(KnowledgeErrors.AlreadyPublished, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/kb/{id}/publish"), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Each_reader_has_one_vote_which_a_second_vote_replaces_and_a_vote_leaves_the_version_alone()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var nurse = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var doctor = await SignInAsync(await CreateUserAsync("zhao.yisheng", BuiltInRoles.Staff));
        var id = await PublishedAsync(engineer, "门诊打印机卡纸", "打开后盖取纸。");
        var draft = await CreateAsync(engineer, "草稿", "内容");
        var version = (await engineer.GetAsync($"/api/v1/kb/{id}", Cancel)).Headers.ETag!.Tag;

        await PostAsync(nurse, $"/api/v1/kb/{id}/vote", new { helpful = true });
        await PostAsync(doctor, $"/api/v1/kb/{id}/vote", new { helpful = true });
        var changed = await PostAsync(nurse, $"/api/v1/kb/{id}/vote", new { helpful = false });

        var article = await changed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(1, article.GetProperty("helpfulVotes").GetInt32());
        Assert.Equal(1, article.GetProperty("unhelpfulVotes").GetInt32());
        Assert.Equal(2, await WithDbAsync(db => db.Set<KnowledgeVote>().CountAsync(v => v.ArticleId == id, Cancel)));
        Assert.Equal(version, (await engineer.GetAsync($"/api/v1/kb/{id}", Cancel)).Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(nurse, $"/api/v1/kb/{id}/vote", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(nurse, $"/api/v1/kb/{draft}/vote", new { helpful = true })).StatusCode);
        Assert.Equal(KnowledgeErrors.NotPublished, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/kb/{draft}/vote", new { helpful = true }), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task The_article_body_comes_back_rendered_and_sanitised()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await PublishedAsync(engineer, "门诊打印机卡纸", "**先关机**<script>alert(1)</script>");

        var article = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/kb/{id}", Cancel);

        var html = article.GetProperty("bodyHtml").GetString();
        Assert.Contains("<strong>先关机</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script", html, StringComparison.Ordinal);
        Assert.StartsWith("KB-2026-", article.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task An_engineer_turns_a_resolved_ticket_into_a_draft_without_its_comments()
    {
        var account = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(account);
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var (resolved, open) = await WithDbAsync(async db =>
        {
            var done = await TicketRecords.AddAsync(db, "GD-2026-000001", TicketKind.Fault, t =>
            {
                t.Cause = TicketCause.Hardware;
                t.RootCause = "搓纸轮老化";
                t.Resolution = "更换搓纸轮后打印正常";
                t.SystemId = null;
            }, (TicketRecords.Utc(3, 1, 1), TicketStatus.New, null), (TicketRecords.Utc(3, 1, 3), TicketStatus.Resolved, account.Id));
            db.Add(new TicketComment { TicketId = done.Id, Text = "内部：供应商报价 300 元", Internal = true, AuthorAccountId = account.Id, At = TicketRecords.Utc(3, 1, 2) });
            await db.SaveChangesAsync(Cancel);
            var pending = await TicketRecords.AddAsync(db, "GD-2026-000002", TicketKind.Fault, _ => { }, (TicketRecords.Utc(3, 1, 4), TicketStatus.New, null));
            return (done.Id, pending.Id);
        });

        var created = await PostAsync(engineer, $"/api/v1/kb/from-ticket/{resolved}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(resolved, draft.GetProperty("sourceTicketId").GetInt64());
        Assert.Equal("门诊打印机卡纸", draft.GetProperty("title").GetString());
        var body = draft.GetProperty("bodyMarkdown").GetString()!;
        Assert.Contains("三楼门诊 3 号诊室打印机卡纸", body, StringComparison.Ordinal);
        Assert.Contains("搓纸轮老化", body, StringComparison.Ordinal);
        Assert.Contains("更换搓纸轮后打印正常", body, StringComparison.Ordinal);
        Assert.DoesNotContain("供应商报价", body, StringComparison.Ordinal);
        var refused = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/kb/from-ticket/{open}"), HttpStatusCode.Conflict);
        Assert.Equal(KnowledgeErrors.TicketNotResolved, refused.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(engineer, "/api/v1/kb/from-ticket/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/api/v1/kb/from-ticket/{resolved}")).StatusCode);
    }

    private static async Task<IReadOnlyList<long>> ListAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/kb" + query, Cancel);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/kb/{id}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }
}
