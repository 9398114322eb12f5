using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Trainings;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Staff;

/// <summary>
/// The training register (STAFF-01, SEC-05): sessions, enrolment, results only after the session,
/// and department-scoped reading of attendance. The shared clock starts on Monday 2026-03-02 in Beijing.
/// </summary>
public abstract class TrainingsApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : TrainingsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TrainingsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task Results_before_the_session_date_are_refused_and_nothing_is_written()
    {
        var account = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(account);
        var cardiology = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        var person = await StaffTestRecords.PersonAsync(App, cardiology, "李四");
        var system = await StaffTestRecords.SystemAsync(App, cardiology, "HIS");
        var session = await CreateAsync(engineer, new { kind = "systemUse", systemId = system, title = "HIS 门诊医生站培训", heldOn = "2026-03-03", hours = 2 });

        var refused = await Problems.ReadAsync(await RecordAsync(engineer, session, new { personId = person, result = "passed", score = 90 }), HttpStatusCode.Conflict);

        Assert.Equal(TrainingErrors.ResultsBeforeSession, refused.Code);
        Assert.Contains("STAFF-01", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<TrainingAttendance>().CountAsync(Cancel)));

        Clock.Advance(TimeSpan.FromDays(1));
        engineer = await SignInAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(engineer, session, new { personId = person, result = "passed", score = 90 })).StatusCode);
        Assert.Equal(AttendanceResult.Passed, await WithDbAsync(db => db.Set<TrainingAttendance>().Select(a => a.Result).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task A_system_belongs_to_system_use_sessions_and_only_to_them()
    {
        var (engineer, cardiology) = await SetUpAsync();
        var system = await StaffTestRecords.SystemAsync(App, cardiology, "HIS");

        var missing = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/trainings", new { kind = "systemUse", title = "培训", heldOn = "2026-03-01", hours = 2 }), HttpStatusCode.BadRequest);
        var extra = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/trainings", new { kind = "securityAwareness", systemId = system, title = "培训", heldOn = "2026-03-01", hours = 2 }), HttpStatusCode.BadRequest);
        var untitled = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/trainings", new { kind = "securityAwareness", heldOn = "2026-03-01", hours = 2 }), HttpStatusCode.BadRequest);

        Assert.Equal(TrainingErrors.SystemRequired, missing.Code);
        Assert.True(missing.Errors.ContainsKey("systemId"));
        Assert.Equal(TrainingErrors.SystemNotAllowed, extra.Code);
        Assert.True(untitled.Errors.ContainsKey("title"));
        Assert.Equal(0, await WithDbAsync(db => db.Set<TrainingSession>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task Results_are_recorded_in_bulk_all_or_nothing_and_an_it_skills_pass_needs_its_certificate_expiry()
    {
        var (engineer, cardiology) = await SetUpAsync();
        var first = await StaffTestRecords.PersonAsync(App, cardiology, "李四");
        var second = await StaffTestRecords.PersonAsync(App, cardiology, "赵六");
        var session = await CreateAsync(engineer, new { kind = "itSkills", title = "网络设备运维认证", heldOn = "2026-02-27", hours = 16, place = "信息科会议室", trainer = "王工" });

        var refused = await Problems.ReadAsync(await RecordAsync(engineer, session, new { personId = first, result = "failed", score = 50 }, new { personId = second, result = "passed", score = 88 }), HttpStatusCode.BadRequest);
        Assert.Equal(TrainingErrors.ExpiryRequired, refused.Code);
        Assert.True(refused.Errors.ContainsKey("results[1].certificateExpiresOn"));
        Assert.Equal(0, await WithDbAsync(db => db.Set<TrainingAttendance>().CountAsync(Cancel)));

        var recorded = await RecordAsync(engineer, session, new { personId = first, result = "failed", score = 50 }, new { personId = second, result = "passed", score = 88, certificateExpiresOn = "2029-02-27" });

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var rows = await WithDbAsync(db => db.Set<TrainingAttendance>().AsNoTracking().OrderBy(a => a.PersonId).ToListAsync(Cancel));
        Assert.Equal([AttendanceResult.Failed, AttendanceResult.Passed], rows.Select(r => r.Result));
        Assert.Equal(new DateOnly(2029, 2, 27), rows[1].CertificateExpiresOn);
        Assert.All(rows, r => Assert.Equal(Clock.GetUtcNow().UtcDateTime, r.RecordedAt));
    }

    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task A_person_who_left_cannot_be_enrolled()
    {
        var (engineer, cardiology) = await SetUpAsync();
        var leaver = await StaffTestRecords.PersonAsync(App, cardiology, "钱七", PersonStatus.Left);
        var session = await CreateAsync(engineer, new { kind = "securityAwareness", title = "信息安全意识培训", heldOn = "2026-03-10", hours = 2 });

        var refused = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/trainings/{session}/attendance", new { personIds = new[] { leaver } }), HttpStatusCode.Conflict);

        Assert.Equal(TrainingErrors.PersonLeft, refused.Code);
        Assert.Contains("钱七", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<TrainingAttendance>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task A_department_liaison_sees_only_their_department_s_attendance()
    {
        var (engineer, cardiology) = await SetUpAsync();
        var surgery = await StaffTestRecords.DepartmentAsync(App, "普外科");
        var ours = await StaffTestRecords.PersonAsync(App, cardiology, "李四");
        var theirs = await StaffTestRecords.PersonAsync(App, surgery, "孙八");
        var session = await CreateAsync(engineer, new { kind = "securityAwareness", title = "信息安全意识培训", heldOn = "2026-02-20", hours = 2 });
        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(engineer, session, new { personId = ours, result = "passed" }, new { personId = theirs, result = "passed" })).StatusCode);
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{cardiology}"));

        var list = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/attendance?sessionId={session}", Cancel);

        Assert.Equal([ours], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("personId").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/api/v1/trainings/people/{ours}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/trainings/people/{theirs}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(liaison, $"/api/v1/trainings/{session}/results", new { results = new[] { new { personId = ours, result = "failed" } } })).StatusCode);
        var export = await liaison.GetStringAsync($"/api/v1/trainings/attendance/export?format=csv&sessionId={session}", Cancel);
        Assert.Equal(2, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_stale_edit_of_a_session_is_refused()
    {
        var (engineer, _) = await SetUpAsync();
        var session = await CreateAsync(engineer, new { kind = "confidentiality", title = "保密协议解读", heldOn = "2026-03-10", hours = 1 });
        var url = $"/api/v1/trainings/{session}";
        var etag = (await engineer.GetAsync(url, Cancel)).Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { place = "行政楼三楼" }) };
        first.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.OK, (await SendWithHeadersAsync(engineer, first)).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { place = "门诊楼" }) };
        stale.Headers.IfMatch.ParseAdd(etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendWithHeadersAsync(engineer, stale)).StatusCode);
        Assert.Equal("行政楼三楼", (await engineer.GetFromJsonAsync<JsonElement>(url, Cancel)).GetProperty("place").GetString());
    }

    [Fact]
    [Trait("Req", "SEC-05")]
    public async Task The_first_pass_of_a_security_awareness_session_is_reported_to_the_obligations()
    {
        var (engineer, cardiology) = await SetUpAsync();
        var person = await StaffTestRecords.PersonAsync(App, cardiology, "李四");
        var session = await CreateAsync(engineer, new { kind = "securityAwareness", title = "信息安全意识培训", heldOn = "2026-02-20", hours = 2 });

        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(engineer, session, new { personId = person, result = "failed" })).StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Set<ObligationRecord>().CountAsync(Cancel)));
        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(engineer, session, new { personId = person, result = "passed" })).StatusCode);

        var record = await WithDbAsync(db => db.Set<ObligationRecord>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(TrainingService.SecurityAwarenessEvidence, record.Kind);
        Assert.StartsWith("TRN-2026-", record.SourceRef, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Engineer, long Cardiology)> SetUpAsync()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        return (engineer, await StaffTestRecords.DepartmentAsync(App, "心血管内科"));
    }

    private static async Task<long> CreateAsync(HttpClient client, object session)
    {
        var created = await PostAsync(client, "/api/v1/trainings", session);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal($"/api/v1/trainings/{body.GetProperty("id").GetInt64()}", created.Headers.Location!.OriginalString);
        return body.GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, long session, params object[] results) =>
        PostAsync(client, $"/api/v1/trainings/{session}/results", new { results });

    private static Task<HttpResponseMessage> SendWithHeadersAsync(HttpClient client, HttpRequestMessage request)
    {
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        return client.SendAsync(request, Cancel);
    }
}
