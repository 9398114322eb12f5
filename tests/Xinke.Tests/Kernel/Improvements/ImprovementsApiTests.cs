using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Notifications;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Improvements;

/// <summary>
/// The improvement register: open → in progress → awaiting verification → verified, with the
/// owner never verifying their own work. The shared clock starts on Monday 2026-03-02, 08:30 in Beijing.
/// </summary>
public abstract class ImprovementsApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : ImprovementsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ImprovementsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "OPS-05")]
    public async Task An_action_cannot_be_verified_by_its_owner()
    {
        var director = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var client = await SignInAsync(director);
        var id = await RaiseAsync(client, director.Id, "2026-03-10");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/improvements/{id}/submit", new { evidence = "已更换 UPS 电池，附检测报告" })).StatusCode);

        var refused = await PostAsync(client, $"/api/v1/improvements/{id}/verify");

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(ImprovementErrors.SelfVerification, problem.Code);
        Assert.Contains("OPS-05", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("awaitingVerification", (await GetAsync(client, id)).GetProperty("status").GetString());
    }


    [Fact]
    public async Task The_owner_is_notified_of_an_action_raised_for_them()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));

        var id = await RaiseAsync(director, engineer.Id, "2026-03-10");

        var notice = await App.WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().SingleAsync(i => i.AccountId == engineer.Id, Cancel));
        Assert.Equal(ImprovementActions.AssignedKind, notice.Kind);
        Assert.EndsWith("2026-03-10", notice.Title, StringComparison.Ordinal);
        Assert.Equal($"/improvements/{id}", notice.Link);
    }

    [Fact]
    [Trait("Req", "OPS-05")]
    public async Task The_owner_submits_evidence_and_someone_else_verifies_and_closes()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var owner = await SignInAsync(engineer);
        var id = await RaiseAsync(director, engineer.Id, "2026-03-10");

        Assert.Equal(ImprovementErrors.NotOwner, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/improvements/{id}/start"), HttpStatusCode.Conflict)).Code);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(owner, $"/api/v1/improvements/{id}/start")).StatusCode);
        Assert.Equal(ImprovementErrors.InvalidEvidence, (await Problems.ReadAsync(await PostAsync(owner, $"/api/v1/improvements/{id}/submit", new { evidence = " " }), HttpStatusCode.BadRequest)).Code);
        var report = await AttachAsync(owner, id, "校准报告.pdf");
        var photo = await AttachAsync(owner, id, "现场记录.pdf");
        var foreign = await AttachAsync(owner, await RaiseAsync(director, engineer.Id, "2026-03-10"), "别处.pdf");
        var refused = await PostAsync(owner, $"/api/v1/improvements/{id}/submit", new { evidence = "机房温湿度传感器已校准", attachmentIds = new[] { report, foreign } });
        Assert.Equal(ImprovementErrors.InvalidEvidenceAttachments, (await Problems.ReadAsync(refused, HttpStatusCode.BadRequest)).Code);
        var submitted = await PostAsync(owner, $"/api/v1/improvements/{id}/submit", new { evidence = "机房温湿度传感器已校准", attachmentIds = new[] { report, photo } });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var verified = await PostAsync(director, $"/api/v1/improvements/{id}/verify");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var action = await GetAsync(director, id);
        Assert.Equal("verified", action.GetProperty("status").GetString());
        Assert.Equal([report, photo], action.GetProperty("evidenceAttachmentIds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(engineer.Id, action.GetProperty("submittedById").GetInt64());
        Assert.Equal(ImprovementErrors.WrongState, (await Problems.ReadAsync(await PostAsync(owner, $"/api/v1/improvements/{id}/submit", new { evidence = "再次提交" }), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task The_verifier_reopens_with_a_reason_and_the_owner_resubmits()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var owner = await SignInAsync(engineer);
        var id = await RaiseAsync(director, engineer.Id, "2026-03-10");
        await PostAsync(owner, $"/api/v1/improvements/{id}/submit", new { evidence = "已处理" });

        Assert.Equal(ImprovementErrors.InvalidReason, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/improvements/{id}/reopen", new { reason = "" }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/improvements/{id}/reopen", new { reason = "缺少检测报告" })).StatusCode);

        var reopened = await GetAsync(owner, id);
        Assert.Equal("inProgress", reopened.GetProperty("status").GetString());
        Assert.Equal("缺少检测报告", reopened.GetProperty("reopenReason").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(owner, $"/api/v1/improvements/{id}/submit", new { evidence = "补充检测报告" })).StatusCode);
    }

    [Fact]
    public async Task An_action_past_its_due_day_is_overdue_until_closed_and_the_filter_finds_it()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var directorAccount = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var late = await RaiseAsync(director, engineer.Id, "2026-03-03");
        var onTime = await RaiseAsync(director, engineer.Id, "2026-03-20");
        var cancelled = await RaiseAsync(director, engineer.Id, "2026-03-03");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/improvements/{cancelled}/cancel", new { reason = "重复登记" })).StatusCode);

        // 2026-03-03 ends at 16:00Z; a minute later it is 03-04 00:01 in Beijing, the first overdue day.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 16, 1, 0, TimeSpan.Zero));
        director = await SignInAsync(directorAccount);

        Assert.True((await GetAsync(director, late)).GetProperty("overdue").GetBoolean());
        Assert.False((await GetAsync(director, onTime)).GetProperty("overdue").GetBoolean());
        Assert.False((await GetAsync(director, cancelled)).GetProperty("overdue").GetBoolean());
        var overdue = await director.GetFromJsonAsync<JsonElement>("/api/v1/improvements?overdue=true", Cancel);
        Assert.Equal([late], overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task The_compliance_tally_counts_raised_open_and_overdue_actions_by_source_for_a_period()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        await RaiseAsync(director, engineer.Id, "2026-03-03");
        await RaiseAsync(director, engineer.Id, "2026-03-20");
        var incident = await RaiseAsync(director, engineer.Id, "2026-03-03", kind: "incident");
        await PostAsync(director, $"/api/v1/improvements/{incident}/cancel", new { reason = "并入其他整改" });
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero));

        await using var scope = App.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<ImprovementActions>();
        var march = await actions.TallyAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Cancel);
        var april = await actions.TallyAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), Cancel);

        Assert.Equal(
            [new ImprovementTally(ImprovementSourceKind.Drill, null, 2, 2, 1, 0), new ImprovementTally(ImprovementSourceKind.Incident, null, 1, 0, 0, 0)],
            march);
        Assert.Empty(april);
    }

    [Fact]
    public async Task An_edit_needs_the_current_version()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var id = await RaiseAsync(director, engineer.Id, "2026-03-10");

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(director, id, null, new { dueDate = "2026-03-12" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(director, id, "\"7\"", new { dueDate = "2026-03-12" })).StatusCode);
        var edited = await PatchAsync(director, id, "\"1\"", new { dueDate = "2026-03-12", description = "更换核心交换机风扇" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("\"2\"", edited.Headers.ETag!.Tag);
        var action = await GetAsync(director, id);
        Assert.Equal("2026-03-12", action.GetProperty("dueDate").GetString());
        Assert.Equal("更换核心交换机风扇", action.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_due_day_in_the_past_or_an_unknown_owner_is_refused()
    {
        var director = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var client = await SignInAsync(director);

        Assert.Equal(ImprovementErrors.InvalidDueDate, (await Problems.ReadAsync(await PostAsync(client, "/api/v1/improvements", new { description = "x", ownerId = director.Id, dueDate = "2026-03-01" }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(ImprovementErrors.UnknownOwner, (await Problems.ReadAsync(await PostAsync(client, "/api/v1/improvements", new { description = "x", ownerId = 999999, dueDate = "2026-03-05" }), HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_department_liaison_sees_the_actions_of_their_department_and_their_own_only()
    {
        var (hospital, cardiology, radiology) = await WithDbAsync(async db =>
        {
            var root = new Xinke.Kernel.Departments.Department { Name = "信科医院", Kind = Xinke.Kernel.Departments.DepartmentKind.Hospital, Path = "/1/" };
            db.Add(root);
            await db.SaveChangesAsync(Cancel);
            var a = new Xinke.Kernel.Departments.Department { Name = "心内科", Kind = Xinke.Kernel.Departments.DepartmentKind.Department, ParentId = root.Id, Path = $"/{root.Id}/x/" };
            var b = new Xinke.Kernel.Departments.Department { Name = "放射科", Kind = Xinke.Kernel.Departments.DepartmentKind.Department, ParentId = root.Id, Path = $"/{root.Id}/y/" };
            db.AddRange(a, b);
            await db.SaveChangesAsync(Cancel);
            a.Path = $"/{root.Id}/{a.Id}/";
            b.Path = $"/{root.Id}/{b.Id}/";
            await db.SaveChangesAsync(Cancel);
            return (root.Id, a.Id, b.Id);
        });
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var liaison = await CreateUserAsync("li.lianluo", $"{BuiltInRoles.DeptLiaison}@{cardiology}");
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var ours = await RaiseAsync(director, engineer.Id, "2026-03-10", cardiology);
        var theirs = await RaiseAsync(director, engineer.Id, "2026-03-10", radiology);
        var hospitalWide = await RaiseAsync(director, engineer.Id, "2026-03-10", hospital);
        var mine = await RaiseAsync(director, liaison.Id, "2026-03-10", radiology);

        var client = await SignInAsync(liaison);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/improvements", Cancel);

        Assert.Equal(new[] { ours, mine }.Order(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/improvements/{theirs}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/improvements/{hospitalWide}", Cancel)).StatusCode);
    }

    private static async Task<long> RaiseAsync(HttpClient client, long ownerId, string dueDate, long? departmentId = null, string kind = "drill")
    {
        var created = await PostAsync(client, "/api/v1/improvements", new
        {
            source = new { kind, module = "emergency", entity = "Drill", id = 7, label = "DRL-2026-000007 断网应急演练" },
            description = "演练发现备用线路切换超过 15 分钟",
            ownerId,
            dueDate,
            departmentId,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.StartsWith("IMP-2026-", body.GetProperty("code").GetString(), StringComparison.Ordinal);
        return body.GetProperty("id").GetInt64();
    }

    private static Task<JsonElement> GetAsync(HttpClient client, long id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/improvements/{id}", Cancel);

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/improvements/{id}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }

    private static Task<long> AttachAsync(HttpClient client, long action, string fileName) =>
        AttachmentUploads.AttachAsync(client, ImprovementAttachments.OwnerType, action, fileName, "application/pdf", AttachmentUploads.Pdf());
}
