using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Systems;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Systems;

/// <summary>
/// The information-system register through its API: the rules of a record (code, level, filing
/// from level 2, recovery targets), editing under If-Match, retiring, and assessments falling due.
/// The shared clock starts on Monday 2026-03-02, 08:30 in Beijing.
/// </summary>
public abstract class SystemsApiTests(DatabaseKind kind) : SystemsTest(kind)
{
    public sealed class OnSqlite() : SystemsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SystemsApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_system_is_recorded_then_listed_read_and_exported()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var response = await PostAsync(client, "/api/v1/systems", Body(it, code: "his"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/systems/{id}", response.Headers.Location!.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        var system = await GetAsync(client, id);
        Assert.Equal("HIS", system.GetProperty("code").GetString());
        Assert.Equal("信息中心", system.GetProperty("ownerDepartmentName").GetString());
        Assert.Equal("inService", system.GetProperty("status").GetString());
        Assert.Equal("2027-01-10", system.GetProperty("nextAssessmentDue").GetString());
        Assert.False(system.GetProperty("assessmentOverdue").GetBoolean());
        Assert.True(system.GetProperty("runsAroundTheClock").GetBoolean());
        Assert.Equal(["important", "core"], system.GetProperty("dataClasses").EnumerateArray().Select(c => c.GetString()));

        var oa = Body(it, code: "OA", level: 2, filing: "11010143001-23001");
        oa["criticality"] = "low";
        await CreateAsync(client, oa);
        Assert.Equal(["HIS"], await CodesAsync(client, "?level=3"));
        Assert.Equal(["OA"], await CodesAsync(client, "?criticality=low"));
        Assert.Equal(["OA", "HIS"], await CodesAsync(client, "?sort=-code"));
        Assert.Equal(["HIS"], await CodesAsync(client, "?q=24001"));
        Assert.Equal(["HIS", "OA"], await CodesAsync(client, $"?departmentId={it}&status=inService"));
        var csv = await client.GetStringAsync(new Uri("/api/v1/systems/export?format=csv&level=3", UriKind.Relative), Cancel);
        Assert.Contains("系统代码", csv, StringComparison.Ordinal);
        Assert.Contains("HIS", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("OA", csv, StringComparison.Ordinal);
        var xlsx = await client.GetAsync(new Uri("/api/v1/systems/export?format=xlsx", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task A_code_already_in_the_register_is_refused_whatever_its_case()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await CreateAsync(client, Body(it, code: "EMR"));

        var refused = await PostAsync(client, "/api/v1/systems", Body(it, code: "emr"));

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(SystemErrors.CodeTaken, problem.Code);
        Assert.Contains("EMR", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["EMR"], await CodesAsync(client, string.Empty));
    }

    [Fact]
    [Trait("Req", "SEC-01")]
    public async Task A_system_of_level_two_or_above_without_a_filing_number_is_refused_naming_SEC_01()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var refused = await PostAsync(client, "/api/v1/systems", Body(it, level: 3, filing: "  "));

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(SystemErrors.FilingRequired, problem.Code);
        Assert.Contains("SEC-01", problem.Detail, StringComparison.Ordinal);
        Assert.True(problem.Errors.ContainsKey("filingNumber"));
        Assert.Empty(await CodesAsync(client, string.Empty));

        // Level 1 needs no filing; raising it to level 2 by patch without one is refused in turn.
        var id = await CreateAsync(client, Body(it, code: "KIOSK", level: 1, filing: null));
        var etag = (await client.GetAsync(new Uri($"/api/v1/systems/{id}", UriKind.Relative), Cancel)).Headers.ETag!.Tag;
        var raised = await PatchAsync(client, id, """{"protectionLevel":2}""", etag);
        Assert.Equal(SystemErrors.FilingRequired, (await Problems.ReadAsync(raised, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(1, (await GetAsync(client, id)).GetProperty("protectionLevel").GetInt32());
    }

    [Fact]
    public async Task Out_of_range_fields_are_refused_with_a_field_error()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var cases = new (string Field, object? Value, string Code)[]
        {
            ("protectionLevel", 5, SystemErrors.InvalidLevel),
            ("protectionLevel", 0, SystemErrors.InvalidLevel),
            ("rtoMinutes", -1, SystemErrors.InvalidRto),
            ("rpoMinutes", InformationSystem.MaxRecoveryMinutes + 1, SystemErrors.InvalidRpo),
            ("lastAssessedOn", "2026-03-03", SystemErrors.AssessedInFuture),
            ("ownerDepartmentId", 999999, SystemErrors.UnknownDepartment),
            ("name", " ", SystemErrors.InvalidName),
            ("code", "HIS 2", SystemErrors.InvalidCode),
            ("criticality", "urgent", SystemErrors.InvalidCriticality),
            ("status", "retired", SystemErrors.InvalidStatus),
            ("dataClasses", new[] { "secret" }, SystemErrors.InvalidDataClasses),
        };

        foreach (var (field, value, code) in cases)
        {
            var body = Body(it);
            body[field] = value;
            var problem = await Problems.ReadAsync(await PostAsync(client, "/api/v1/systems", body), HttpStatusCode.BadRequest);
            Assert.True(code == problem.Code, $"{field}={value}: {problem.Code}");
            Assert.True(problem.Errors.ContainsKey(field), $"{field} has no field error");
        }

        Assert.Empty(await CodesAsync(client, string.Empty));
    }

    [Fact]
    public async Task An_edit_needs_the_current_version_and_a_merge_patch_null_clears_a_field()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await CreateAsync(client, Body(it));
        var etag = (await client.GetAsync(new Uri($"/api/v1/systems/{id}", UriKind.Relative), Cancel)).Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(client, id, """{"name":"新 HIS"}""", null)).StatusCode);
        var edited = await PatchAsync(client, id, """{"name":"新一代 HIS","vendor":null,"rtoMinutes":15}""", etag);
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync(Cancel));
        var stale = await PatchAsync(client, id, """{"name":"旧 HIS"}""", etag);

        Assert.Equal(Xinke.Kernel.Web.Versioning.StaleVersion, (await Problems.ReadAsync(stale, HttpStatusCode.PreconditionFailed)).Code);
        var system = await GetAsync(client, id);
        Assert.Equal("新一代 HIS", system.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, system.GetProperty("vendor").ValueKind);
        Assert.Equal(15, system.GetProperty("rtoMinutes").GetInt32());
        Assert.Equal("11010143001-24001", system.GetProperty("filingNumber").GetString());
        var wrongType = await PatchAsync(client, id, """{"protectionLevel":"three"}""", edited.Headers.ETag!.Tag);
        Assert.True((await Problems.ReadAsync(wrongType, HttpStatusCode.BadRequest)).Errors.ContainsKey("protectionLevel"));
    }

    [Fact]
    public async Task Staff_cannot_read_the_register_and_a_department_head_reads_it_hospital_wide_but_cannot_write()
    {
        var it = await DepartmentAsync("信息中心");
        var lab = await DepartmentAsync("检验科");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await CreateAsync(engineer, Body(it));
        var staff = await SignInAsync(await CreateUserAsync("li.hushi", $"{BuiltInRoles.Staff}@{lab}"));
        var head = await SignInAsync(await CreateUserAsync("zhao.zhuren", $"{BuiltInRoles.DeptHead}@{lab}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri("/api/v1/systems", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri($"/api/v1/systems/{id}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal("/status/403", (await staff.GetAsync(new Uri("/systems", UriKind.Relative), Cancel)).Headers.Location?.AbsolutePath);
        Assert.Equal("HIS", (await GetAsync(head, id)).GetProperty("code").GetString());
        Assert.Equal(["HIS"], await CodesAsync(head, string.Empty));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, "/api/v1/systems", Body(lab, code: "LIS"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, $"/api/v1/systems/{id}/retire", new { reason = "停用" })).StatusCode);
    }

    [Fact]
    public async Task Retiring_keeps_the_record_with_its_reason_and_takes_it_out_of_service()
    {
        var it = await DepartmentAsync("信息中心");
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var old = await CreateAsync(client, Body(it, code: "LIS-OLD"));
        var current = await CreateAsync(client, Body(it, code: "LIS"));

        Assert.Equal(SystemErrors.InvalidReason, (await Problems.ReadAsync(await PostAsync(client, $"/api/v1/systems/{old}/retire", new { reason = " " }), HttpStatusCode.BadRequest)).Code);
        var retired = await PostAsync(client, $"/api/v1/systems/{old}/retire", new { reason = "已由新 LIS 替代" });

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var record = await GetAsync(client, old);
        Assert.Equal("retired", record.GetProperty("status").GetString());
        Assert.Equal("已由新 LIS 替代", record.GetProperty("retireReason").GetString());
        Assert.False(record.GetProperty("assessmentOverdue").GetBoolean());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<InformationSystems>();
            Assert.Equal([current], (await directory.InServiceAsync(Cancel)).Select(s => s.Id));
            Assert.Equal(SystemStatus.Retired, (await directory.FindAsync(old, Cancel))!.Status);
        }

        Assert.Equal(SystemErrors.Retired, (await Problems.ReadAsync(await PostAsync(client, $"/api/v1/systems/{old}/retire", new { reason = "再次下线" }), HttpStatusCode.Conflict)).Code);
        var edit = await PatchAsync(client, old, """{"name":"复活"}""", retired.Headers.ETag!.Tag);
        Assert.Equal(SystemErrors.Retired, (await Problems.ReadAsync(edit, HttpStatusCode.Conflict)).Code);
        Assert.Equal(["LIS", "LIS-OLD"], await CodesAsync(client, string.Empty));
        Assert.Equal(["LIS-OLD"], await CodesAsync(client, "?status=retired"));
    }

    [Fact]
    [Trait("Req", "SEC-01")]
    public async Task A_level_three_system_falls_overdue_a_year_after_its_assessment_and_level_four_after_half_a_year()
    {
        var it = await DepartmentAsync("信息中心");
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var client = await SignInAsync(engineer);
        var his = await CreateAsync(client, Body(it, code: "HIS", level: 3, assessed: "2025-03-02"));
        var emr = await CreateAsync(client, Body(it, code: "EMR", level: 4, filing: "11010143001-24002", assessed: "2025-09-02"));
        await CreateAsync(client, Body(it, code: "OA", level: 2, filing: "11010143001-23001", assessed: "2023-01-01"));
        var planned = Body(it, code: "NEW", level: 3, filing: "11010143001-24003", assessed: null);
        planned["status"] = "planned";
        await CreateAsync(client, planned);

        Assert.False((await GetAsync(client, his)).GetProperty("assessmentOverdue").GetBoolean());
        Assert.False((await GetAsync(client, emr)).GetProperty("assessmentOverdue").GetBoolean());
        Assert.Empty(await CodesAsync(client, "?overdue=true"));

        // 2026-03-02 ends at 16:00Z; a minute later it is 03-03 in Beijing, a year and a day after the HIS assessment.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 16, 1, 0, TimeSpan.Zero));
        client = await SignInAsync(engineer);

        var overdue = await GetAsync(client, his);
        Assert.True(overdue.GetProperty("assessmentOverdue").GetBoolean());
        Assert.Equal("2026-03-02", overdue.GetProperty("nextAssessmentDue").GetString());
        Assert.True((await GetAsync(client, emr)).GetProperty("assessmentOverdue").GetBoolean());
        Assert.Equal(["EMR", "HIS"], await CodesAsync(client, "?overdue=true"));
        Assert.Equal(["NEW", "OA"], await CodesAsync(client, "?overdue=false"));
    }
}
