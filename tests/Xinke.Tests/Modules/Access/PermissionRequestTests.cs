using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Access;
using Xinke.Modules.Access.Requests;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Access;

/// <summary>
/// Permission requests (ACC-02): filed by the person's department, approved by its head and then
/// the security administrator, granted exactly as asked, and revoked after their end date.
/// </summary>
public abstract class PermissionRequestTests(DatabaseKind kind) : AccessTest(kind)
{
    public sealed class OnSqlite() : PermissionRequestTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PermissionRequestTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_permission_request_cannot_be_approved_by_its_requester()
    {
        var head = await CreateUserAsync("zhu.ren", $"{BuiltInRoles.DeptHead}@{Cardiology}");
        var headPerson = await PersonAsync("C001", "朱主任", Cardiology, head);
        await ContactsAsync(Cardiology, headPerson, null);
        var nurse = await PersonAsync("C100", "护士甲", Cardiology);
        var client = await SignInAsync(head);

        var request = await FileAsync(client, nurse, BuiltInRoles.Staff);
        var refused = await PostAsync(client, $"/api/v1/approvals/{request.GetProperty("approvalId").GetInt64()}/approve");

        Assert.Equal(ApprovalErrors.SelfApproval, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        Assert.Equal("pending", (await GetJsonAsync(client, $"/api/v1/permission-requests/{request.GetProperty("id").GetInt64()}")).GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_department_head_cannot_approve_a_role_for_their_own_account()
    {
        var (liaison, head, _) = await CardiologyContactsAsync();
        var headPerson = await WithDbAsync(db => db.Set<Xinke.Modules.Organization.People.Person>().Where(p => p.EmployeeNumber == "C002").Select(p => p.Id).SingleAsync(Cancel));

        var request = await FileAsync(liaison, headPerson, BuiltInRoles.DeptLiaison, Cardiology, "2026-06-30");
        var refused = await PostAsync(head, $"/api/v1/approvals/{request.GetProperty("approvalId").GetInt64()}/approve");

        Assert.Equal(AccessErrors.SelfApproval, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        Assert.Equal("pending", (await GetJsonAsync(liaison, $"/api/v1/permission-requests/{request.GetProperty("id").GetInt64()}")).GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task Approved_by_the_head_and_then_the_security_administrator_the_request_grants_exactly_the_scoped_role()
    {
        var (liaison, head, security) = await CardiologyContactsAsync();
        var doctor = await CreateUserAsync("li.yisheng", $"{BuiltInRoles.Staff}@{Cardiology}");
        var doctorPerson = await PersonAsync("C200", "李医生", Cardiology, doctor);

        var request = await FileAsync(liaison, doctorPerson, BuiltInRoles.DeptLiaison, Cardiology, "2026-06-30");
        var approval = request.GetProperty("approvalId").GetInt64();
        Assert.Equal(ApprovalErrors.NotAnApprover, (await Problems.ReadAsync(await PostAsync(security, $"/api/v1/approvals/{approval}/approve"), HttpStatusCode.Forbidden)).Code);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(head, $"/api/v1/approvals/{approval}/approve")).StatusCode);
        Assert.Equal([(BuiltInRoles.Staff, (long?)Cardiology)], await RolesOfAsync(doctor.Id));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(security, $"/api/v1/approvals/{approval}/approve")).StatusCode);

        Assert.Equal([(BuiltInRoles.DeptLiaison, (long?)Cardiology), (BuiltInRoles.Staff, (long?)Cardiology)], await RolesOfAsync(doctor.Id));
        var granted = await GetJsonAsync(liaison, $"/api/v1/permission-requests/{request.GetProperty("id").GetInt64()}");
        Assert.Equal("granted", granted.GetProperty("status").GetString());
        Assert.Equal(doctor.Id, granted.GetProperty("accountId").GetInt64());
        var grantEvent = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Action == PermissionGrants.GrantedAction, Cancel));
        Assert.Contains(granted.GetProperty("code").GetString()!, grantEvent.Changes, StringComparison.Ordinal);
        Assert.Equal(2, await WithDbAsync(db => db.Set<Xinke.Kernel.Notifications.InboxItem>().CountAsync(i => i.Kind == PermissionGrants.GrantedKind, Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_request_for_a_person_without_an_account_creates_a_pending_account_linked_to_them()
    {
        var (liaison, head, security) = await CardiologyContactsAsync();
        var nurse = await PersonAsync("N2026017", "王护士", Cardiology);

        var request = await FileAsync(liaison, nurse, BuiltInRoles.Staff, Cardiology);
        await ApproveAsync(request, head, security);

        var account = await WithDbAsync(db => db.Set<Account>().AsNoTracking().SingleAsync(a => a.PersonId == nurse, Cancel));
        Assert.Equal("n2026017", account.UserName);
        Assert.Equal("王护士", account.DisplayName);
        Assert.Equal(AccountState.Pending, account.State);
        Assert.Equal([(BuiltInRoles.Staff, (long?)Cardiology)], await RolesOfAsync(account.Id));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task The_liaison_of_a_department_files_for_a_nurse_of_one_of_its_wards()
    {
        var (liaison, head, security) = await CardiologyContactsAsync();
        var ward = await WithDbAsync(async db =>
        {
            var parentPath = await db.Set<Department>().Where(d => d.Id == Cardiology).Select(d => d.Path).SingleAsync(Cancel);
            var department = new Department { Name = "心内一病区", Kind = DepartmentKind.Ward, ParentId = Cardiology, Path = "/w/" };
            db.Add(department);
            await db.SaveChangesAsync(Cancel);
            department.Path = $"{parentPath}{department.Id}/";
            await db.SaveChangesAsync(Cancel);
            return department.Id;
        });
        var nurse = await PersonAsync("N2026018", "病区护士", ward);

        var request = await FileAsync(liaison, nurse, BuiltInRoles.Staff, ward);
        await ApproveAsync(request, head, security);

        var account = await WithDbAsync(db => db.Set<Account>().AsNoTracking().SingleAsync(a => a.PersonId == nurse, Cancel));
        Assert.Equal([(BuiltInRoles.Staff, (long?)ward)], await RolesOfAsync(account.Id));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task When_the_end_date_passes_the_job_revokes_the_role_audits_it_and_tells_the_person()
    {
        var (liaison, head, security) = await CardiologyContactsAsync();
        var doctor = await CreateUserAsync("li.yisheng");
        var doctorPerson = await PersonAsync("C200", "李医生", Cardiology, doctor);
        var request = await FileAsync(liaison, doctorPerson, BuiltInRoles.Staff, Cardiology, "2026-03-10");
        await ApproveAsync(request, head, security);

        Clock.Advance(TimeSpan.FromDays(8));
        await RunJobAsync("access.end-grants");
        Assert.Single(await RolesOfAsync(doctor.Id));

        Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync("access.end-grants");
        await RunJobAsync("access.end-grants");

        Assert.Empty(await RolesOfAsync(doctor.Id));
        var id = request.GetProperty("id").GetInt64();
        Assert.Equal(PermissionRequestStatus.Ended, await WithDbAsync(db => db.Set<PermissionRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(Cancel)));
        var revoked = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Action == PermissionGrants.RevokedAction).ToListAsync(Cancel));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(revoked).EntityId);
        Assert.Equal("system", revoked[0].ActorName);
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.EntityType == nameof(RoleAssignment) && e.Action == AuditAction.Delete, Cancel)));
        Assert.Equal(1, await WithDbAsync(db => db.Set<Xinke.Kernel.Notifications.InboxItem>().CountAsync(i => i.AccountId == doctor.Id && i.Kind == PermissionGrants.EndedKind, Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task An_administrator_role_is_never_requested()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var person = await PersonAsync("I001", "信息科工程师", Cardiology);

        foreach (var role in BuiltInRoles.Administrators)
        {
            var refused = await PostAsync(director, "/api/v1/permission-requests", new { personId = person, role, purpose = "运维" });
            var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict);
            Assert.Equal(AccessErrors.AdministratorRole, problem.Code);
            Assert.Contains("ACC-02", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await WithDbAsync(db => db.Set<PermissionRequest>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_liaison_reaches_only_the_people_and_requests_of_their_department()
    {
        var (liaison, _, _) = await CardiologyContactsAsync();
        var other = await CreateUserAsync("fang.lianluo", $"{BuiltInRoles.DeptLiaison}@{Radiology}");
        await ContactsAsync(Radiology, null, await PersonAsync("R001", "放射联络员", Radiology, other));
        var otherClient = await SignInAsync(other);
        var nurse = await PersonAsync("C300", "护士乙", Cardiology);
        var request = await FileAsync(liaison, nurse, BuiltInRoles.Staff, Cardiology);

        var refused = await PostAsync(otherClient, "/api/v1/permission-requests", new { personId = nurse, role = BuiltInRoles.Staff, departmentId = Radiology, purpose = "阅片" });

        Assert.Equal(AccessErrors.PersonNotFound, (await Problems.ReadAsync(refused, HttpStatusCode.NotFound)).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/v1/permission-requests/{request.GetProperty("id").GetInt64()}", Cancel)).StatusCode);
        Assert.Empty((await GetJsonAsync(otherClient, "/api/v1/permission-requests")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_request_needs_a_purpose_a_scope_inside_the_department_a_future_end_date_and_no_twin()
    {
        var (liaison, _, _) = await CardiologyContactsAsync();
        var nurse = await PersonAsync("C400", "护士丙", Cardiology);

        Assert.Equal(AccessErrors.InvalidPurpose, (await Problems.ReadAsync(await PostAsync(liaison, "/api/v1/permission-requests", new { personId = nurse, role = BuiltInRoles.Staff, purpose = " " }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(AccessErrors.ScopeRequired, (await Problems.ReadAsync(await PostAsync(liaison, "/api/v1/permission-requests", new { personId = nurse, role = BuiltInRoles.DeptLiaison, purpose = "联络" }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(AccessErrors.ScopeOutside, (await Problems.ReadAsync(await PostAsync(liaison, "/api/v1/permission-requests", new { personId = nurse, role = BuiltInRoles.Staff, departmentId = Radiology, purpose = "阅片" }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(AccessErrors.InvalidEndDate, (await Problems.ReadAsync(await PostAsync(liaison, "/api/v1/permission-requests", new { personId = nurse, role = BuiltInRoles.Staff, purpose = "临床", endsOn = "2026-03-02" }), HttpStatusCode.BadRequest)).Code);
        await FileAsync(liaison, nurse, BuiltInRoles.Staff, Cardiology);
        var twin = await PostAsync(liaison, "/api/v1/permission-requests", new { personId = nurse, role = BuiltInRoles.Staff, departmentId = Cardiology, purpose = "再次申请" });
        Assert.Equal(AccessErrors.Duplicate, (await Problems.ReadAsync(twin, HttpStatusCode.Conflict)).Code);
    }

    /// <summary>Cardiology's liaison and head (both linked to people named as its contacts) and a security administrator, signed in.</summary>
    private async Task<(HttpClient Liaison, HttpClient Head, HttpClient Security)> CardiologyContactsAsync()
    {
        var liaison = await CreateUserAsync("xin.lianluo", $"{BuiltInRoles.DeptLiaison}@{Cardiology}");
        var head = await CreateUserAsync("xin.zhuren", $"{BuiltInRoles.DeptHead}@{Cardiology}");
        var security = await CreateUserAsync("an.quan", BuiltInRoles.SecAdmin);
        await ContactsAsync(Cardiology, await PersonAsync("C002", "心内主任", Cardiology, head), await PersonAsync("C003", "心内联络员", Cardiology, liaison));
        return (await SignInAsync(liaison), await SignInAsync(head), await SignInAsync(security));
    }

    private static async Task<System.Text.Json.JsonElement> FileAsync(HttpClient client, long personId, string role, long? departmentId = null, string? endsOn = null) =>
        await ReadJsonAsync(await PostAsync(client, "/api/v1/permission-requests", new { personId, role, departmentId, purpose = "临床诊疗需要查阅本科室病历", dataClasses = "病历", systems = "HIS", endsOn }), HttpStatusCode.Created);

    private static async Task ApproveAsync(System.Text.Json.JsonElement request, HttpClient head, HttpClient security)
    {
        var approval = request.GetProperty("approvalId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(head, $"/api/v1/approvals/{approval}/approve")).StatusCode);
        var last = await PostAsync(security, $"/api/v1/approvals/{approval}/approve");
        Assert.True(last.StatusCode == HttpStatusCode.OK, await last.Content.ReadAsStringAsync(Cancel));
    }
}
