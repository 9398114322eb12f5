using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Sla;

/// <summary>
/// The SLA as the queue and the job see it, on the fake clock: a P3 fault filed Monday 2026-03-02
/// 08:30 in Beijing with 240 business minutes to resolve (office hours 08:00–12:00, 14:00–17:30).
/// </summary>
public abstract class SlaWatchTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    public sealed class OnSqlite() : SlaWatchTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SlaWatchTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "CHG-07")]
    public async Task The_assignee_is_warned_before_the_breach_and_the_breach_is_escalated_once_each()
    {
        var directorAccount = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var engineerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(engineerAccount);
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(director, "/api/v1/sla-policies", new { name = "P3 标准", priority = "p3", responseMinutes = 60, resolutionMinutes = 240 })).StatusCode);
        var id = await FileAsync(nurse);
        await OkAsync(PostAsync(director, $"/api/v1/tickets/{id}/assign", new { assigneeId = engineerAccount.Id }));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/start"));

        // 08:30 + 240 business minutes: 210 to noon, 30 after 14:00 → 14:30 Beijing = 06:30 UTC.
        var ticket = await GetTicketAsync(nurse, id);
        Assert.Equal(new DateTime(2026, 3, 2, 6, 30, 0, DateTimeKind.Utc), ticket.GetProperty("resolutionDueAt").GetDateTime().ToUniversalTime());

        // 11:45: 195 of 240 minutes used (81%) → one warning to the assignee, not repeated.
        Clock.Advance(TimeSpan.FromMinutes(185));
        await RunJobAsync(SlaWatchJob.JobName);
        await RunJobAsync(SlaWatchJob.JobName);
        Assert.Equal(1, await CountAsync(engineerAccount.Id, SlaWatchJob.WarningKind));
        Assert.Equal(0, await CountAsync(directorAccount.Id, SlaWatchJob.EscalationKind));

        // 14:31: past 14:30 → breached, escalated once to the IT director and the assignee.
        Clock.Advance(TimeSpan.FromMinutes(166));
        await RunJobAsync(SlaWatchJob.JobName);
        await RunJobAsync(SlaWatchJob.JobName);
        Assert.Equal(1, await CountAsync(directorAccount.Id, SlaWatchJob.EscalationKind));
        Assert.Equal(1, await CountAsync(engineerAccount.Id, SlaWatchJob.EscalationKind));
        engineer = await SignInAsync(engineerAccount);
        Assert.True((await GetTicketAsync(engineer, id)).GetProperty("resolutionBreached").GetBoolean());
        var breached = await engineer.GetFromJsonAsync<JsonElement>("/api/v1/tickets?breached=true", Cancel);
        Assert.Equal([id], breached.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task Pending_through_the_api_moves_the_due_time_by_the_pause()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(engineerAccount);
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        await PostAsync(director, "/api/v1/sla-policies", new { name = "P3 标准", priority = "p3", responseMinutes = 60, resolutionMinutes = 240 });
        var id = await FileAsync(nurse);
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/start"));
        Clock.Advance(TimeSpan.FromMinutes(29));
        var pending = await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/pend", new { reason = "等待厂家寄送配件" }));
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("resolutionDueAt").ValueKind);

        // Paused 08:59 → Tuesday 08:59; 29 minutes were used, 211 remain from Tuesday 08:59: 181 to noon, 30 after 14:00 → 14:30.
        Clock.Advance(TimeSpan.FromDays(1));
        engineer = await SignInAsync(engineerAccount);
        var resumed = await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/resume"));
        Assert.Equal(new DateTime(2026, 3, 3, 6, 30, 0, DateTimeKind.Utc), resumed.GetProperty("resolutionDueAt").GetDateTime().ToUniversalTime());
        Assert.False(resumed.GetProperty("resolutionBreached").GetBoolean());
    }

    [Fact]
    public async Task Only_the_it_director_keeps_the_policies_and_bad_targets_are_refused()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, "/api/v1/sla-policies", new { name = "P1", priority = "p1", responseMinutes = 15, resolutionMinutes = 240 })).StatusCode);
        var bad = await Problems.ReadAsync(await PostAsync(director, "/api/v1/sla-policies", new { name = "P1", priority = "p1", responseMinutes = 60, resolutionMinutes = 30 }), HttpStatusCode.BadRequest);
        Assert.Contains("resolutionMinutes", bad.Errors.Keys);
        var wrongPriority = await Problems.ReadAsync(await PostAsync(director, "/api/v1/sla-policies", new { name = "P9", priority = "p9", responseMinutes = 15, resolutionMinutes = 30 }), HttpStatusCode.BadRequest);
        Assert.Contains("priority", wrongPriority.Errors.Keys);
    }

    private Task<int> CountAsync(long accountId, string kind) =>
        WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.AccountId == accountId && i.Kind == kind, Cancel));
}
