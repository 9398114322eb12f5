using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Access;
using Xinke.Modules.Access.Reviews;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Access;

/// <summary>
/// Access review campaigns (ACC-04): each department's liaison answers for its accounts' roles,
/// a revocation applies at once and is audited, unanswered lines climb to the head and the IT
/// director, and the close reports the obligation's evidence.
/// </summary>
public abstract class AccessReviewTests(DatabaseKind kind) : AccessTest(kind)
{
    public sealed class OnSqlite() : AccessReviewTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AccessReviewTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task A_campaign_shows_each_liaison_the_roles_of_their_department_only()
    {
        var world = await WorldAsync();
        var campaign = await OpenAsync(world.Director);

        var lines = await LinesAsync(world.Liaison, campaign);
        var otherLines = await LinesAsync(world.OtherLiaison, campaign);

        Assert.Contains(lines, l => l.GetProperty("accountId").GetInt64() == world.Doctor.Id && l.GetProperty("role").GetString() == BuiltInRoles.Staff);
        Assert.All(lines, l => Assert.Equal(Cardiology, l.GetProperty("departmentId").GetInt64()));
        Assert.DoesNotContain(otherLines, l => l.GetProperty("departmentId").GetInt64() == Cardiology);
        var doctorLine = lines.Single(l => l.GetProperty("accountId").GetInt64() == world.Doctor.Id).GetProperty("id").GetInt64();
        var refused = await PostAsync(world.OtherLiaison, $"/api/v1/access-reviews/{campaign}/lines/{doctorLine}/confirm", new { });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(AccessErrors.CampaignOpen, (await Problems.ReadAsync(await PostAsync(world.Director, "/api/v1/access-reviews", new { period = "2026Q1" }), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task A_revocation_removes_the_role_at_once_and_is_audited()
    {
        var world = await WorldAsync();
        var campaign = await OpenAsync(world.Director);
        var line = (await LinesAsync(world.Liaison, campaign)).Single(l => l.GetProperty("accountId").GetInt64() == world.Doctor.Id).GetProperty("id").GetInt64();
        var doctorClient = await SignInAsync(world.Doctor);
        Assert.Equal(HttpStatusCode.OK, (await doctorClient.GetAsync("/api/v1/permission-requests", Cancel)).StatusCode);

        var noReason = await PostAsync(world.Liaison, $"/api/v1/access-reviews/{campaign}/lines/{line}/revoke", new { reason = " " });
        Assert.Equal(AccessErrors.ReasonRequired, (await Problems.ReadAsync(noReason, HttpStatusCode.BadRequest)).Code);
        var revoked = await PostAsync(world.Liaison, $"/api/v1/access-reviews/{campaign}/lines/{line}/revoke", new { reason = "已调岗至门诊" });

        Assert.Equal("revoked", (await ReadJsonAsync(revoked, HttpStatusCode.OK)).GetProperty("answer").GetString());
        Assert.Empty(await RolesOfAsync(world.Doctor.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await doctorClient.GetAsync("/api/v1/permission-requests", Cancel)).StatusCode);
        var audited = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Action == AccessReviews.RevokedAction, Cancel));
        Assert.Equal("xin.lianluo", audited.ActorName);
        Assert.Contains("已调岗至门诊", audited.Changes, StringComparison.Ordinal);
        Assert.Equal(AccessErrors.LineAnswered, (await Problems.ReadAsync(await PostAsync(world.Liaison, $"/api/v1/access-reviews/{campaign}/lines/{line}/confirm", new { }), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task Unanswered_lines_go_to_the_head_and_then_to_the_it_director()
    {
        var world = await WorldAsync();
        var campaign = await OpenAsync(world.Director);
        var line = (await LinesAsync(world.Liaison, campaign)).Single(l => l.GetProperty("accountId").GetInt64() == world.Doctor.Id).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(world.Head, $"/api/v1/access-reviews/{campaign}/lines/{line}/confirm", new { })).StatusCode);

        Clock.Advance(TimeSpan.FromDays(4)); // Friday 03-06: four working days after Monday
        await RunJobAsync("access.reviews");
        Assert.Equal(0, await NoticesAsync(world.HeadAccount.Id));
        Clock.Advance(TimeSpan.FromDays(3)); // Monday 03-09: the fifth working day
        await RunJobAsync("access.reviews");
        Assert.Equal(1, await NoticesAsync(world.HeadAccount.Id));
        Assert.Equal(0, await NoticesAsync(world.DirectorAccount.Id));
        Clock.Advance(TimeSpan.FromDays(3)); // Thursday 03-12: three working days later
        await RunJobAsync("access.reviews");

        Assert.Equal(1, await NoticesAsync(world.DirectorAccount.Id));
        var escalated = (await LinesAsync(await SignInAsync(world.DirectorAccount), campaign)).Single(l => l.GetProperty("id").GetInt64() == line);
        Assert.Equal("director", escalated.GetProperty("escalation").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await SignInAsync(world.HeadAccount), $"/api/v1/access-reviews/{campaign}/lines/{line}/confirm", new { reason = "仍在岗" })).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task Closing_a_campaign_reports_per_department_and_records_the_obligation_evidence()
    {
        var world = await WorldAsync();
        var campaign = await OpenAsync(world.Director);
        var lines = await LinesAsync(world.Liaison, campaign);
        var doctorLine = lines.Single(l => l.GetProperty("accountId").GetInt64() == world.Doctor.Id).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(world.Liaison, $"/api/v1/access-reviews/{campaign}/lines/{doctorLine}/revoke", new { reason = "离岗" })).StatusCode);

        var closed = await PostAsync(world.Security, $"/api/v1/access-reviews/{campaign}/close");

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var report = (await GetJsonAsync(world.Director, $"/api/v1/access-reviews/{campaign}/report")).EnumerateArray().ToList();
        var cardiology = report.Single(r => r.GetProperty("departmentId").ValueKind != System.Text.Json.JsonValueKind.Null && r.GetProperty("departmentId").GetInt64() == Cardiology);
        Assert.Equal(lines.Count, cardiology.GetProperty("lines").GetInt32());
        Assert.Equal(1, cardiology.GetProperty("revoked").GetInt32());
        Assert.Equal(lines.Count - 1, cardiology.GetProperty("unanswered").GetInt32());
        var evidence = await WithDbAsync(db => db.Set<ObligationRecord>().AsNoTracking().SingleAsync(r => r.Kind == AccessReviews.EvidenceKind, Cancel));
        Assert.Equal(world.SecurityAccount.Id, evidence.ActorAccountId);
        var export = await world.Director.GetAsync($"/api/v1/access-reviews/{campaign}/report/export?format=csv", Cancel);
        Assert.Contains("心血管内科", await export.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(AccessErrors.CampaignClosed, (await Problems.ReadAsync(await PostAsync(world.Liaison, $"/api/v1/access-reviews/{campaign}/lines/{lines[0].GetProperty("id").GetInt64()}/confirm", new { }), HttpStatusCode.Conflict)).Code);
    }

    private sealed record World(HttpClient Director, Account DirectorAccount, HttpClient Security, Account SecurityAccount, HttpClient Liaison, HttpClient Head, Account HeadAccount, HttpClient OtherLiaison, Account Doctor);

    private async Task<World> WorldAsync()
    {
        var director = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var security = await CreateUserAsync("an.quan", BuiltInRoles.SecAdmin);
        var liaison = await CreateUserAsync("xin.lianluo", $"{BuiltInRoles.DeptLiaison}@{Cardiology}");
        var head = await CreateUserAsync("xin.zhuren", $"{BuiltInRoles.DeptHead}@{Cardiology}");
        var other = await CreateUserAsync("fang.lianluo", $"{BuiltInRoles.DeptLiaison}@{Radiology}");
        var doctor = await CreateUserAsync("li.yisheng", $"{BuiltInRoles.Staff}@{Cardiology}");
        await ContactsAsync(Cardiology, await PersonAsync("C002", "心内主任", Cardiology, head), await PersonAsync("C003", "心内联络员", Cardiology, liaison));
        await ContactsAsync(Radiology, null, await PersonAsync("R001", "放射联络员", Radiology, other));
        await PersonAsync("C200", "李医生", Cardiology, doctor);
        return new World(await SignInAsync(director), director, await SignInAsync(security), security, await SignInAsync(liaison), await SignInAsync(head), head, await SignInAsync(other), doctor);
    }

    private static async Task<long> OpenAsync(HttpClient client) =>
        (await ReadJsonAsync(await PostAsync(client, "/api/v1/access-reviews", new { period = "2026Q1" }), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static async Task<List<System.Text.Json.JsonElement>> LinesAsync(HttpClient client, long campaign) =>
        [.. (await GetJsonAsync(client, $"/api/v1/access-reviews/{campaign}/lines?limit=200")).GetProperty("items").EnumerateArray()];

    private Task<int> NoticesAsync(long accountId) =>
        WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.AccountId == accountId && i.Kind == AccessReviews.EscalatedKind, Cancel));
}
