using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Modules.ServiceDesk;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Tickets;

/// <summary>The ticket flow through the API: who sees what, who may do what, and every refusal.</summary>
public abstract class TicketsApiTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    private const string InternalNote = "内部：怀疑是供应商固件缺陷，勿告知科室";

    public sealed class OnSqlite() : TicketsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TicketsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_staff_member_sees_only_their_own_and_their_departments_tickets()
    {
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var colleague = await SignInAsync(await StaffAsync("zhao.hushi", Cardiology));
        var radiologist = await SignInAsync(await StaffAsync("sun.yisheng", Radiology));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await FileAsync(nurse);
        var theirs = await FileAsync(radiologist, "阅片工作站无法登录");

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/tickets/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await radiologist.GetAsync($"/api/v1/tickets/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await radiologist.GetAsync($"/api/v1/tickets/{id}/timeline", Cancel)).StatusCode);
        await Problems.ReadAsync(await PostAsync(radiologist, $"/api/v1/tickets/{id}/comments", new { text = "我也遇到了" }), HttpStatusCode.NotFound);
        Assert.Equal([theirs], await IdsAsync(radiologist, "/api/v1/tickets"));
        Assert.Equal([id], await IdsAsync(colleague, "/api/v1/tickets"));
        Assert.Equal([theirs, id], await IdsAsync(engineer, "/api/v1/tickets"));
        Assert.DoesNotContain("门诊打印机卡纸", await radiologist.GetStringAsync("/api/v1/tickets/export?format=csv", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task Internal_comments_never_reach_the_reporter()
    {
        var nurseAccount = await StaffAsync("li.hushi", Cardiology);
        var nurse = await SignInAsync(nurseAccount);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await FileAsync(nurse);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(engineer, $"/api/v1/tickets/{id}/comments", new { text = InternalNote, @internal = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(engineer, $"/api/v1/tickets/{id}/comments", new { text = "已派人处理，请稍候", @internal = false })).StatusCode);
        await ResolveAsync(engineer, id);

        var reporterTimeline = await nurse.GetStringAsync($"/api/v1/tickets/{id}/timeline", Cancel);
        Assert.DoesNotContain(InternalNote, reporterTimeline, StringComparison.Ordinal);
        Assert.Contains("已派人处理，请稍候", reporterTimeline, StringComparison.Ordinal);
        Assert.Contains(InternalNote, await engineer.GetStringAsync($"/api/v1/tickets/{id}/timeline", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(InternalNote, await nurse.GetStringAsync($"/api/v1/tickets/{id}", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(InternalNote, await nurse.GetStringAsync("/api/v1/tickets/export?format=csv", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(InternalNote, await engineer.GetStringAsync("/api/v1/tickets/export?format=csv", Cancel), StringComparison.Ordinal);

        var notices = await WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().Where(i => i.AccountId == nurseAccount.Id).ToListAsync(Cancel));
        Assert.Contains(notices, n => n.Kind == TicketDesk.ResolvedKind && n.Body == "更换搓纸轮，打印测试页正常");
        Assert.Contains(notices, n => n.Kind == TicketDesk.CommentedKind);
        Assert.DoesNotContain(notices, n => (n.Body ?? string.Empty).Contains(InternalNote, StringComparison.Ordinal) || n.Title.Contains(InternalNote, StringComparison.Ordinal));

        var refused = await Problems.ReadAsync(await PostAsync(nurse, $"/api/v1/tickets/{id}/comments", new { text = "我也想写内部备注", @internal = true }), HttpStatusCode.Forbidden);
        Assert.Equal(TicketErrors.InternalCommentForbidden, refused.Code);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_rating_by_anyone_but_the_reporter_is_refused()
    {
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var colleague = await SignInAsync(await StaffAsync("zhao.hushi", Cardiology));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await FileAsync(nurse);
        await ResolveAsync(engineer, id);

        var byEngineer = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/tickets/{id}/rate", new { score = 5 }), HttpStatusCode.Conflict);
        var byColleague = await Problems.ReadAsync(await PostAsync(colleague, $"/api/v1/tickets/{id}/rate", new { score = 1 }), HttpStatusCode.Conflict);
        Assert.Equal(TicketErrors.NotReporter, byEngineer.Code);
        Assert.Equal(TicketErrors.NotReporter, byColleague.Code);
        Assert.Contains("OPS-07", byColleague.Detail, StringComparison.Ordinal);
        await Problems.ReadAsync(await PostAsync(colleague, $"/api/v1/tickets/{id}/confirm"), HttpStatusCode.Conflict);

        var invalid = await Problems.ReadAsync(await PostAsync(nurse, $"/api/v1/tickets/{id}/rate", new { score = 6 }), HttpStatusCode.BadRequest);
        Assert.Contains("score", invalid.Errors.Keys);
        await OkAsync(PostAsync(nurse, $"/api/v1/tickets/{id}/confirm"));
        var rated = await OkAsync(PostAsync(nurse, $"/api/v1/tickets/{id}/rate", new { score = 4, comment = "来得很快" }));
        Assert.Equal(4, rated.GetProperty("rating").GetInt32());
        Assert.Equal("closed", rated.GetProperty("status").GetString());
        Assert.Equal(TicketErrors.AlreadyRated, (await Problems.ReadAsync(await PostAsync(nurse, $"/api/v1/tickets/{id}/rate", new { score = 1 }), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    [Trait("Req", "CHG-07")]
    public async Task A_ticket_goes_from_new_to_closed_and_each_illegal_step_is_refused()
    {
        var nurseAccount = await StaffAsync("li.hushi", Cardiology);
        var nurse = await SignInAsync(nurseAccount);
        var engineerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(engineerAccount);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var id = await FileAsync(nurse);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(nurse, $"/api/v1/tickets/{id}/assign", new { assigneeId = nurseAccount.Id })).StatusCode);
        var notEngineer = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/tickets/{id}/assign", new { assigneeId = nurseAccount.Id }), HttpStatusCode.BadRequest);
        Assert.Contains("assigneeId", notEngineer.Errors.Keys);
        var assigned = await OkAsync(PostAsync(director, $"/api/v1/tickets/{id}/assign", new { assigneeId = engineerAccount.Id }));
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        Assert.NotNull(await WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().SingleOrDefaultAsync(i => i.AccountId == engineerAccount.Id && i.Kind == TicketDesk.AssignedKind, Cancel)));

        var early = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/tickets/{id}/pend", new { reason = "等配件" }), HttpStatusCode.Conflict);
        Assert.Equal(TicketErrors.WrongState, early.Code);
        Assert.Contains("OPS-07", early.Detail, StringComparison.Ordinal);
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/start"));
        Assert.Contains("reason", (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/tickets/{id}/pend", new { reason = " " }), HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Equal("pending", (await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/pend", new { reason = "等待厂家寄送搓纸轮" }))).GetProperty("status").GetString());
        Assert.Equal(TicketErrors.WrongState, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/tickets/{id}/resolve", new { cause = "hardware", resolution = "更换" }), HttpStatusCode.Conflict)).Code);
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/resume"));

        var missing = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/tickets/{id}/resolve", new { resolution = "更换搓纸轮" }), HttpStatusCode.BadRequest);
        Assert.Contains("cause", missing.Errors.Keys);
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/resolve", new { cause = "hardware", resolution = "更换搓纸轮" }));
        Assert.Equal(TicketErrors.WrongState, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/tickets/{id}/start"), HttpStatusCode.Conflict)).Code);
        var closed = await OkAsync(PostAsync(nurse, $"/api/v1/tickets/{id}/confirm"));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.True(closed.GetProperty("confirmedByReporter").GetBoolean());

        var timeline = await nurse.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}/timeline", Cancel);
        Assert.Equal(
            ["new", "assigned", "inProgress", "pending", "inProgress", "resolved", "closed"],
            timeline.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "status").Select(e => e.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task A_new_ticket_needs_a_kind_a_title_and_a_description()
    {
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));

        var problem = await Problems.ReadAsync(await PostAsync(nurse, "/api/v1/tickets", new { kind = "complaint", title = "", description = "" }), HttpStatusCode.BadRequest);

        Assert.Contains("kind", problem.Errors.Keys);
        var untitled = await Problems.ReadAsync(await PostAsync(nurse, "/api/v1/tickets", new { kind = "fault", title = " ", description = "打印机坏了" }), HttpStatusCode.BadRequest);
        Assert.Contains("title", untitled.Errors.Keys);
        var elsewhere = await Problems.ReadAsync(await PostAsync(nurse, "/api/v1/tickets", new { kind = "fault", title = "打印机", description = "坏了", departmentId = Radiology }), HttpStatusCode.BadRequest);
        Assert.Contains("departmentId", elsewhere.Errors.Keys);
        var created = await nurse.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{await FileAsync(nurse)}", Cancel);
        Assert.Equal(Cardiology, created.GetProperty("departmentId").GetInt64());
        Assert.Equal("p3", created.GetProperty("priority").GetString());
        Assert.StartsWith("GD-2026-", created.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_needs_the_current_version()
    {
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await FileAsync(nurse);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(engineer, id, null, new { title = "门诊 2 诊室打印机卡纸" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(engineer, id, "\"9\"", new { title = "门诊 2 诊室打印机卡纸" })).StatusCode);
        var version = (await GetTicketAsync(engineer, id)).GetProperty("version").GetInt64();
        var edited = await PatchAsync(engineer, id, $"\"{version}\"", new { title = "门诊 2 诊室打印机卡纸" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("门诊 2 诊室打印机卡纸", (await GetTicketAsync(nurse, id)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(nurse, id, $"\"{version + 1}\"", new { title = "x" })).StatusCode);
    }

    [Fact]
    public async Task Comments_made_at_the_same_moment_are_all_kept_and_leave_the_version_alone()
    {
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await FileAsync(nurse);
        var version = (await GetTicketAsync(engineer, id)).GetProperty("version").GetInt64();

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            PostAsync(i % 2 == 0 ? engineer : nurse, $"/api/v1/tickets/{id}/comments", new { text = $"第 {i} 条补充说明", @internal = false })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(8, await WithDbAsync(db => db.Set<TicketComment>().CountAsync(c => c.TicketId == id, Cancel)));
        Assert.Equal(version, (await GetTicketAsync(engineer, id)).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(engineer, id, $"\"{version}\"", new { title = "门诊 2 诊室打印机卡纸" })).StatusCode);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_ticket_reopens_within_the_window_only()
    {
        var nurseAccount = await StaffAsync("li.hushi", Cardiology);
        var nurse = await SignInAsync(nurseAccount);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var first = await FileAsync(nurse);
        var second = await FileAsync(nurse, "挂号处打印机卡纸");
        await ResolveAsync(engineer, first);
        await ResolveAsync(engineer, second);
        Assert.Contains("reopen-form", await nurse.GetStringAsync($"/servicedesk/tickets/detail?id={second}", Cancel), StringComparison.Ordinal);

        Assert.Contains("reason", (await Problems.ReadAsync(await PostAsync(nurse, $"/api/v1/tickets/{first}/reopen", new { reason = "" }), HttpStatusCode.BadRequest)).Errors.Keys);
        var reopened = await OkAsync(PostAsync(nurse, $"/api/v1/tickets/{first}/reopen", new { reason = "又卡纸了" }));
        Assert.Equal("assigned", reopened.GetProperty("status").GetString());

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        nurse = await SignInAsync(nurseAccount);
        Assert.DoesNotContain("reopen-form", await nurse.GetStringAsync($"/servicedesk/tickets/detail?id={second}", Cancel), StringComparison.Ordinal);
        var late = await Problems.ReadAsync(await PostAsync(nurse, $"/api/v1/tickets/{second}/reopen", new { reason = "又卡纸了" }), HttpStatusCode.Conflict);
        Assert.Equal(TicketErrors.ReopenWindowPassed, late.Code);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task An_unconfirmed_resolution_closes_by_itself_after_three_days()
    {
        var nurseAccount = await StaffAsync("li.hushi", Cardiology);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await FileAsync(await SignInAsync(nurseAccount));
        await ResolveAsync(engineer, id);

        Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await RunJobAsync(AutoCloseJob.JobName);
        var nurse = await SignInAsync(nurseAccount);
        Assert.Equal("resolved", (await GetTicketAsync(nurse, id)).GetProperty("status").GetString());

        Clock.Advance(TimeSpan.FromMinutes(2));
        await RunJobAsync(AutoCloseJob.JobName);
        var closed = await GetTicketAsync(nurse, id);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.False(closed.GetProperty("confirmedByReporter").GetBoolean());
    }

    [Fact]
    public async Task Another_module_opens_one_fault_per_source_record()
    {
        var first = await InScopeAsync<ServiceDeskIntake, long>(intake => intake.OpenFaultAsync("备份校验失败", "HIS 数据库 3 月 2 日备份校验不通过", "backups.verification", 42, cancellationToken: Cancel));
        var again = await InScopeAsync<ServiceDeskIntake, long>(intake => intake.OpenFaultAsync("备份校验失败", "重复", "backups.verification", 42, cancellationToken: Cancel));

        Assert.Equal(first, again);
        var ticket = await WithDbAsync(db => db.Set<Ticket>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(TicketKind.Fault, ticket.Kind);
        Assert.Null(ticket.ReporterAccountId);
        Assert.Equal(1, await WithDbAsync(db => db.Set<TicketStatusChange>().CountAsync(r => r.TicketId == first, Cancel)));
    }

    [Fact]
    public async Task A_filing_does_not_wait_for_another_filing_that_has_not_committed_yet()
    {
        Assert.SkipWhen(Kind == DatabaseKind.Sqlite, "SQLite lets one transaction write at a time");
        var radiologist = await SignInAsync(await StaffAsync("sun.yisheng", Radiology));
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        await using var holderScope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(App.Services);
        var holder = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<XinkeDb>(holderScope.ServiceProvider);
        await using var holding = await holder.Database.BeginTransactionAsync(Cancel);
        // The radiologist's ticket must reference this row: its filing stops at its insert, after its code.
        await holder.Database.ExecuteSqlAsync($"""SELECT "Id" FROM "Departments" WHERE "Id" = {Radiology} FOR UPDATE""", Cancel);

        var stuck = FileAsync(radiologist, "阅片工作站无法登录");
        await WaitForALockWaitAsync();
        var quick = await PostAsync(nurse, "/api/v1/tickets", new { kind = "fault", title = "门诊打印机卡纸", description = "二诊室打印机卡纸，无法打印处方" })
            .WaitAsync(TimeSpan.FromSeconds(20), Cancel);

        Assert.Equal(HttpStatusCode.Created, quick.StatusCode);
        Assert.False(stuck.IsCompleted);
        await holding.CommitAsync(Cancel);
        var stuckId = await stuck;
        var codes = await WithDbAsync(db => db.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Code }).ToListAsync(Cancel));
        Assert.Equal(2, codes.Select(c => c.Code).Distinct().Count());
        Assert.EndsWith("-000001", codes.Single(c => c.Id == stuckId).Code, StringComparison.Ordinal);
    }

    private async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(App.Services);
        return await work(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TService>(scope.ServiceProvider));
    }

    private async Task WaitForALockWaitAsync()
    {
        for (var tries = 0; await WithDbAsync(db => db.Database.SqlQuery<long>($"""SELECT count(*) AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""").SingleAsync(Cancel)) == 0; tries++)
        {
            Assert.True(tries < 200, "The first filing never waited for the held row.");
            await Task.Delay(50, Cancel);
        }
    }

    private static async Task<long[]> IdsAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url, Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tickets/{id}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }
}
