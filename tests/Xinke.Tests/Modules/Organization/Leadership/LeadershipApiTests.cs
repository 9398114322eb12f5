using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Organization.Leadership;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Organization.Posts;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Organization.Leadership;

/// <summary>
/// The IT leadership group (ORG-01): members with one leader, meetings whose published minutes
/// never change, and decisions followed up as improvement actions of their owners. The shared
/// clock starts on Monday 2026-03-02, 08:30 in Beijing.
/// </summary>
public abstract class LeadershipApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : LeadershipApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LeadershipApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task Recording_a_decision_raises_an_improvement_action_owned_by_its_owner()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");

        var recorded = await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/decisions", new { text = "完成机房UPS电池更换", ownerId = engineer.Id, dueDate = "2026-03-20" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var decision = await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var action = await WithDbAsync(db => db.Set<ImprovementAction>().AsNoTracking().SingleAsync(a => a.Id == decision.GetProperty("actionId").GetInt64(), Cancel));
        Assert.Equal(engineer.Id, action.OwnerId);
        Assert.Equal(ImprovementSourceKind.Decision, action.SourceKind);
        Assert.Equal(decision.GetProperty("id").GetInt64(), action.SourceId);
        Assert.Equal(new DateOnly(2026, 3, 20), action.DueDate);
        Assert.Equal("open", decision.GetProperty("actionStatus").GetString());
        Assert.True(decision.GetProperty("open").GetBoolean());
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task A_decision_without_owner_or_with_a_past_due_date_is_refused_and_records_nothing()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");

        var noOwner = await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/decisions", new { text = "修订制度", dueDate = "2026-03-20" });
        var past = await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/decisions", new { text = "修订制度", ownerId = engineer.Id, dueDate = "2026-03-01" });

        Assert.Contains("ownerId", (await Problems.ReadAsync(noOwner, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Equal(ImprovementErrors.InvalidDueDate, (await Problems.ReadAsync(past, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(0, await WithDbAsync(db => db.Set<LeadershipDecision>().CountAsync(Cancel)));
        Assert.Equal(0, await WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task The_decision_list_shows_a_decision_open_until_its_action_is_verified()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var owner = await SignInAsync(engineer);
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        var action = await DecisionAsync(director, meeting, engineer.Id, "2026-03-20");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(owner, $"/api/v1/improvements/{action}/submit", new { evidence = "已更换并验收" })).StatusCode);
        var submitted = await DecisionsAsync(director, "?open=true");
        Assert.Equal("awaitingVerification", Assert.Single(submitted).GetProperty("actionStatus").GetString());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/improvements/{action}/verify")).StatusCode);

        Assert.Empty(await DecisionsAsync(director, "?open=true"));
        Assert.Equal("verified", Assert.Single(await DecisionsAsync(director, "?open=false")).GetProperty("actionStatus").GetString());
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task Published_minutes_cannot_be_edited()
    {
        var (director, _) = await DirectorAsync();
        var empty = await MeetingAsync(director, "2026-02-20", "审议年度计划", minutes: null);
        Assert.Equal(LeadershipErrors.MinutesMissing, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/leadership/meetings/{empty}/publish"), HttpStatusCode.Conflict)).Code);
        var meeting = await MeetingAsync(director, "2026-02-21", "审议年度计划");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/publish")).StatusCode);
        var etag = (await director.GetAsync(new Uri($"/api/v1/leadership/meetings/{meeting}", UriKind.Relative), Cancel)).Headers.ETag!.Tag;

        var edit = await PatchAsync(director, $"/api/v1/leadership/meetings/{meeting}", new { minutes = "改过的纪要" }, etag);

        var problem = await Problems.ReadAsync(edit, HttpStatusCode.Conflict);
        Assert.Equal(LeadershipErrors.MinutesPublished, problem.Code);
        Assert.Contains("ORG-01", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(LeadershipErrors.MinutesPublished, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/publish"), HttpStatusCode.Conflict)).Code);
        Assert.Equal("会议纪要：审议通过年度信息化计划。", await WithDbAsync(db => db.Set<LeadershipMeeting>().Where(m => m.Id == meeting).Select(m => m.Minutes).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task A_draft_is_edited_with_if_match_and_a_stale_version_is_refused()
    {
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        var etag = (await director.GetAsync(new Uri($"/api/v1/leadership/meetings/{meeting}", UriKind.Relative), Cancel)).Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(director, $"/api/v1/leadership/meetings/{meeting}", new { place = "门诊楼五楼会议室" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(director, $"/api/v1/leadership/meetings/{meeting}", new { place = "行政楼" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(director, HttpMethod.Patch, $"/api/v1/leadership/meetings/{meeting}", new { place = "行政楼" })).StatusCode);
        Assert.Equal("门诊楼五楼会议室", await WithDbAsync(db => db.Set<LeadershipMeeting>().Where(m => m.Id == meeting).Select(m => m.Place).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task Who_lacks_leadership_write_may_read_the_group_but_not_change_it()
    {
        var (director, directorAccount) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        var leader = await SignInAsync(await CreateUserAsync("li.yuanzhang", BuiltInRoles.Leadership));
        var deptHead = await SignInAsync(await CreateUserAsync("zhao.zhuren", BuiltInRoles.DeptHead));

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(new Uri("/api/v1/leadership/meetings", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, "/api/v1/leadership/meetings", new { heldOn = "2026-02-25", place = "行政楼", title = "临时会议" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, $"/api/v1/leadership/meetings/{meeting}/publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, $"/api/v1/leadership/meetings/{meeting}/decisions", new { text = "x", ownerId = directorAccount.Id, dueDate = "2026-03-20" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, "/api/v1/leadership/members", new { accountId = directorAccount.Id, position = "member" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await deptHead.GetAsync(new Uri("/api/v1/leadership/meetings", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(MeetingStatus.Draft, await WithDbAsync(db => db.Set<LeadershipMeeting>().Where(m => m.Id == meeting).Select(m => m.Status).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task The_group_has_one_leader_at_a_time_and_ended_memberships_are_kept()
    {
        var (director, _) = await DirectorAsync();
        var first = await CreateUserAsync("li.yuanzhang", BuiltInRoles.Leadership);
        var second = await CreateUserAsync("chen.yuanzhang", BuiltInRoles.Leadership);
        var member = await MemberAsync(director, first.Id, "leader", "2025-01-01");

        var refused = await PostAsync(director, "/api/v1/leadership/members", new { accountId = second.Id, position = "leader" });
        Assert.Equal(LeadershipErrors.LeaderExists, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        Assert.Contains("reason", (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/leadership/members/{member}/end", new { until = "2026-03-01" }), HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/leadership/members/{member}/end", new { until = "2026-03-01", reason = "工作调动" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(director, "/api/v1/leadership/members", new { accountId = second.Id, position = "leader" })).StatusCode);
        Assert.Equal(LeadershipErrors.InvalidPosition, (await Problems.ReadAsync(await PostAsync(director, "/api/v1/leadership/members", new { accountId = first.Id, position = "chair" }), HttpStatusCode.BadRequest)).Code);

        var all = await ItemsAsync(director, "/api/v1/leadership/members");
        var active = await ItemsAsync(director, "/api/v1/leadership/members?active=true");
        Assert.Equal(2, all.Count(m => m.GetProperty("position").GetString() == "leader"));
        Assert.Equal(second.Id, Assert.Single(active, m => m.GetProperty("position").GetString() == "leader").GetProperty("accountId").GetInt64());
        Assert.Equal("工作调动", all.Single(m => m.GetProperty("id").GetInt64() == member).GetProperty("endReason").GetString());
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task Attendees_must_be_members_on_the_day_of_the_meeting()
    {
        var (director, directorAccount) = await DirectorAsync();
        var outsider = await CreateUserAsync("zhao.zhuren", BuiltInRoles.DeptHead);

        var refused = await PostAsync(director, "/api/v1/leadership/meetings", new { heldOn = "2026-02-20", place = "行政楼", title = "审议", attendeeIds = new[] { directorAccount.Id, outsider.Id } });
        var missingTitle = await PostAsync(director, "/api/v1/leadership/meetings", new { heldOn = "2026-02-20", place = "行政楼" });

        Assert.Equal(LeadershipErrors.InvalidAttendees, (await Problems.ReadAsync(refused, HttpStatusCode.BadRequest)).Code);
        Assert.Contains("title", (await Problems.ReadAsync(missingTitle, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Equal(0, await WithDbAsync(db => db.Set<LeadershipMeeting>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task Publishing_minutes_reports_the_periodic_meeting_and_locks_their_files()
    {
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        await AttachmentUploads.AttachAsync(director, MeetingAttachments.OwnerType, meeting, "签字版纪要.pdf", "application/pdf", AttachmentUploads.Pdf());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/publish")).StatusCode);

        var record = await WithDbAsync(db => db.Set<ObligationRecord>().AsNoTracking().SingleAsync(r => r.Kind == LeadershipGroup.MeetingEvidenceKind, Cancel));
        var code = await WithDbAsync(db => db.Set<LeadershipMeeting>().Where(m => m.Id == meeting).Select(m => m.Code).SingleAsync(Cancel));
        Assert.Equal(code, record.SourceRef);
        Assert.StartsWith("LDM-2026-", code, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 2, 19, 16, 0, 0, DateTimeKind.Utc), record.OccurredAt);
        Assert.Contains(new LeadershipObligations().Declarations, d => d.EvidenceKind == LeadershipGroup.MeetingEvidenceKind && d.RequirementIds.Contains("ORG-01"));
        await using var scope = App.Services.CreateAsyncScope();
        var policy = scope.ServiceProvider.GetServices<Xinke.Kernel.Files.IAttachmentOwnerPolicy>().Single(p => p.OwnerType == MeetingAttachments.OwnerType);
        var caller = await scope.ServiceProvider.GetRequiredService<CurrentCaller>().LoadAsync(await DirectorIdAsync(), null, Cancel);
        Assert.True(await policy.CanReadAsync(caller!, meeting, Cancel));
        Assert.False(await policy.CanAttachAsync(caller!, meeting, Cancel));
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task The_evidence_follows_the_leader_the_meetings_and_the_decisions()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var (director, directorAccount) = await DirectorAsync();
        Assert.Equal(ComplianceStatus.NotMet, (await EvidenceAsync()).Status);

        var leader = await CreateUserAsync("li.yuanzhang", BuiltInRoles.Leadership);
        await MemberAsync(director, leader.Id, "leader", "2025-01-01");
        Assert.Equal(ComplianceStatus.NotMet, (await EvidenceAsync()).Status);

        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/leadership/meetings/{meeting}/publish")).StatusCode);
        var action = await DecisionAsync(director, meeting, engineer.Id, "2026-03-10");
        var met = await EvidenceAsync();
        Assert.Equal(ComplianceStatus.Met, met.Status);
        Assert.Equal(new object[] { 1, 1, 1, 0, 0 }, met.Reason.Arguments);

        Clock.Advance(TimeSpan.FromDays(10));
        var overdue = await EvidenceAsync();
        Assert.Equal(ComplianceStatus.NotMet, overdue.Status);
        Assert.Equal(new object[] { 1, 1, 1, 0, 1 }, overdue.Reason.Arguments);
        Assert.Contains(overdue.Links, l => l.Href.Contains("overdue=true", StringComparison.Ordinal));

        // Ten days on, the sessions have ended: both sign in again.
        var owner = await SignInAsync(engineer);
        director = await SignInAsync(directorAccount);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(owner, $"/api/v1/improvements/{action}/submit", new { evidence = "已完成" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/improvements/{action}/verify")).StatusCode);
        Assert.Equal(ComplianceStatus.Met, (await EvidenceAsync()).Status);
    }

    [Fact]
    [Trait("Req", "ORG-01")]
    public async Task The_group_page_and_the_meeting_page_render_and_record_a_decision()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        await DecisionAsync(director, meeting, engineer.Id, "2026-03-20");

        var index = await director.GetStringAsync(new Uri("/organization/leadership", UriKind.Relative), Cancel);
        Assert.Contains("审议年度计划", index, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"decision-row\"", index, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-leader\"", index, StringComparison.Ordinal);

        var page = await director.GetStringAsync(new Uri($"/organization/leadership/meetings/{meeting}", UriKind.Relative), Cancel);
        Assert.Contains("data-testid=\"publish-form\"", page, StringComparison.Ordinal);
        var posted = await PageForms.SubmitAsync(director, page, $"/organization/leadership/meetings/{meeting}?handler=Decision", new() { ["decisionText"] = "编制下一年度实施方案", ["ownerId"] = engineer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dueDate"] = "2026-04-30" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(2, await WithDbAsync(db => db.Set<LeadershipDecision>().CountAsync(d => d.MeetingId == meeting, Cancel)));

        var reader = await SignInAsync(await CreateUserAsync("li.yuanzhang", BuiltInRoles.Leadership));
        var readOnly = await reader.GetStringAsync(new Uri($"/organization/leadership/meetings/{meeting}", UriKind.Relative), Cancel);
        Assert.DoesNotContain("data-testid=\"decision-form\"", readOnly, StringComparison.Ordinal);
        var refused = await PageForms.SubmitAsync(reader, readOnly, $"/organization/leadership/meetings/{meeting}?handler=Publish", new());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/status/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Draft, await WithDbAsync(db => db.Set<LeadershipMeeting>().Where(m => m.Id == meeting).Select(m => m.Status).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Meetings_and_decisions_export_to_csv()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var (director, _) = await DirectorAsync();
        var meeting = await MeetingAsync(director, "2026-02-20", "审议年度计划");
        await DecisionAsync(director, meeting, engineer.Id, "2026-03-20");

        var meetings = await director.GetStringAsync(new Uri("/api/v1/leadership/meetings/export?format=csv", UriKind.Relative), Cancel);
        var decisions = await director.GetStringAsync(new Uri("/api/v1/leadership/decisions/export?format=csv", UriKind.Relative), Cancel);

        Assert.Contains("审议年度计划", meetings, StringComparison.Ordinal);
        Assert.Contains("完成机房UPS电池更换", decisions, StringComparison.Ordinal);
        Assert.Contains("IMP-2026-", decisions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_seeders_fill_the_group_its_meetings_and_the_posts()
    {
        await CreateUserAsync(BuiltInRoles.ItDirector, BuiltInRoles.ItDirector);
        await CreateUserAsync(BuiltInRoles.Leadership, BuiltInRoles.Leadership);
        var engineer = await CreateUserAsync(BuiltInRoles.ItEngineer, BuiltInRoles.ItEngineer);
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var hospital = (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var it = (await departments.CreateAsync(PostsDemoSeeder.ItDepartmentName, hospital, DepartmentKind.Department, Cancel)).Value!.Id;
        await WithDbAsync(async db =>
        {
            var person = new Person { EmployeeNumber = "IT0002", Name = "王工", DepartmentId = it, Status = PersonStatus.Active, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            db.Add(person);
            db.Add(new Person { EmployeeNumber = "IT0003", Name = "刘工", DepartmentId = it, Status = PersonStatus.Active, CreatedAt = Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Cancel);
            return await db.Set<Account>().Where(a => a.Id == engineer.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.PersonId, person.Id), Cancel);
        });
        var seeders = scope.ServiceProvider.GetServices<IDemoSeeder>().Where(s => s is LeadershipDemoSeeder or PostsDemoSeeder).OrderBy(s => s.Order).ToList();
        Assert.Equal(2, seeders.Count);

        foreach (var seeder in seeders)
        {
            await seeder.SeedAsync(DemoSize.Small, new Progress<string>(), Cancel);
        }

        Assert.Equal(6, await WithDbAsync(db => db.Set<GroupMember>().CountAsync(Cancel)));
        Assert.Equal(3, await WithDbAsync(db => db.Set<LeadershipMeeting>().CountAsync(m => m.Status == MeetingStatus.Published, Cancel)));
        Assert.Equal(7, await WithDbAsync(db => db.Set<Post>().CountAsync(Cancel)));
        Assert.Equal(3, await WithDbAsync(db => db.Set<PostHolder>().CountAsync(Cancel)));
        var group = scope.ServiceProvider.GetRequiredService<LeadershipGroup>();
        var decisions = await group.Decisions().ToListAsync(Cancel);
        Assert.Equal(6, decisions.Count);
        Assert.Equal(3, decisions.Count(d => d.ActionStatus == ImprovementStatus.Verified));
        Assert.Single(decisions, d => d.ActionStatus == ImprovementStatus.Open && d.DueDate < group.Today);
        Assert.True(await scope.ServiceProvider.GetServices<IBusinessRecords>().OfType<LeadershipDemoSeeder>().Single().AnyAsync(Cancel));
    }

    private async Task<(HttpClient Client, Account Account)> DirectorAsync()
    {
        var account = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var client = await SignInAsync(account);
        await MemberAsync(client, account.Id, "secretary", "2025-01-01");
        return (client, account);
    }

    private Task<long> DirectorIdAsync() => WithDbAsync(db => db.Set<Account>().Where(a => a.UserName == "zhang.zhuren").Select(a => a.Id).SingleAsync(Cancel));

    private static async Task<long> MemberAsync(HttpClient client, long accountId, string position, string from)
    {
        var response = await PostAsync(client, "/api/v1/leadership/members", new { accountId, position, from });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private static async Task<long> MeetingAsync(HttpClient client, string heldOn, string title, string? minutes = "会议纪要：审议通过年度信息化计划。")
    {
        var response = await PostAsync(client, "/api/v1/leadership/meetings", new { heldOn, place = "行政楼三楼会议室", title, minutes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    /// <summary>Records a decision; returns the id of the improvement action that follows it up.</summary>
    private static async Task<long> DecisionAsync(HttpClient client, long meeting, long ownerId, string dueDate)
    {
        var response = await PostAsync(client, $"/api/v1/leadership/meetings/{meeting}/decisions", new { text = "完成机房UPS电池更换", ownerId, dueDate });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("actionId").GetInt64();
    }

    private static async Task<List<JsonElement>> DecisionsAsync(HttpClient client, string query) =>
        await ItemsAsync(client, "/api/v1/leadership/decisions" + query);

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative), Cancel);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Cancel);
    }

    /// <summary>ORG-01 for the first half of 2026, judged now.</summary>
    private async Task<EvidenceAnswer> EvidenceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetServices<IEvidenceProvider>().Single(p => p.RequirementIds.Contains("ORG-01"));
        var query = EvidenceQuery.For(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), null, scope.ServiceProvider.GetRequiredService<HospitalClock>(), Clock.GetUtcNow().UtcDateTime);
        return await provider.EvaluateAsync("ORG-01", query, Cancel);
    }
}
