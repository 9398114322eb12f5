using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff;
using Xinke.Modules.Staff.Trainings;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Staff;

/// <summary>
/// ACC-01: an account is activated only once its person passed a system-use training and accepted
/// the current confidentiality agreement. The shared clock starts on Monday 2026-03-02 in Beijing.
/// </summary>
public abstract class ActivationGateTests(DatabaseKind kind) : IdentityTest(kind)
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    public sealed class OnSqlite() : ActivationGateTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ActivationGateTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task Activation_is_refused_without_a_passed_system_use_training()
    {
        var (sysadmin, person) = await SetUpAsync();
        await StaffTestRecords.AcceptAsync(App, person, await StaffTestRecords.PublishAgreementAsync(App, Today.AddDays(-10)));
        var id = await PendingAccountAsync(sysadmin, "wangwu", person);

        var refused = await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{id}/activate"), HttpStatusCode.Conflict);

        Assert.Equal(TrainingAndAgreementGate.TrainingRequired, refused.Code);
        Assert.Contains("ACC-01", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(AccountState.Pending, (await ReloadAsync(id)).State);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task Activation_is_refused_without_an_accepted_confidentiality_agreement()
    {
        var (sysadmin, person) = await SetUpAsync();
        await StaffTestRecords.PublishAgreementAsync(App, Today.AddDays(-10));
        await TrainAsync(person, AttendanceResult.Passed);
        var id = await PendingAccountAsync(sysadmin, "wangwu", person);

        var refused = await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{id}/activate"), HttpStatusCode.Conflict);

        Assert.Equal(TrainingAndAgreementGate.AgreementRequired, refused.Code);
        Assert.Contains("ACC-01", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(AccountState.Pending, (await ReloadAsync(id)).State);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task Activation_succeeds_with_both_and_records_what_it_rested_on()
    {
        var (sysadmin, person) = await SetUpAsync();
        await StaffTestRecords.QualifyAsync(App, person, Today);
        var id = await PendingAccountAsync(sysadmin, "wangwu", person);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{id}/activate")).StatusCode);

        Assert.Equal(AccountState.Active, (await ReloadAsync(id)).State);
        var clearance = await WithDbAsync(db => db.Set<ActivationClearance>().AsNoTracking().SingleAsync(c => c.AccountId == id, Cancel));
        Assert.Equal(person, clearance.PersonId);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, clearance.ClearedAt);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task A_failed_result_does_not_count_as_training()
    {
        var (sysadmin, person) = await SetUpAsync();
        await StaffTestRecords.AcceptAsync(App, person, await StaffTestRecords.PublishAgreementAsync(App, Today.AddDays(-10)));
        await TrainAsync(person, AttendanceResult.Failed);
        await TrainAsync(person, AttendanceResult.Absent);
        var id = await PendingAccountAsync(sysadmin, "wangwu", person);

        var refused = await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{id}/activate"), HttpStatusCode.Conflict);

        Assert.Equal(TrainingAndAgreementGate.TrainingRequired, refused.Code);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task An_acceptance_of_an_old_version_does_not_count_once_a_new_version_is_current()
    {
        var (sysadmin, person) = await SetUpAsync();
        await TrainAsync(person, AttendanceResult.Passed);
        await StaffTestRecords.AcceptAsync(App, person, await StaffTestRecords.PublishAgreementAsync(App, Today.AddDays(-100)));
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var published = await PostAsync(director, "/api/v1/agreements/versions", new { title = "保密协议（修订）", body = "新增：不得向互联网公共服务上传医院数据。" });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var version = (await published.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        var id = await PendingAccountAsync(sysadmin, "wangwu", person);

        var refused = await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{id}/activate"), HttpStatusCode.Conflict);
        Assert.Equal(TrainingAndAgreementGate.AgreementRequired, refused.Code);

        await StaffTestRecords.AcceptAsync(App, person, version);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{id}/activate")).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task An_account_without_a_person_counts_as_untrained()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", BuiltInRoles.SysAdmin));
        var id = await PendingAccountAsync(sysadmin, "wangwu", null);

        var refused = await Problems.ReadAsync(await PostAsync(sysadmin, $"/api/v1/users/{id}/activate"), HttpStatusCode.Conflict);

        Assert.Equal(TrainingAndAgreementGate.TrainingRequired, refused.Code);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task The_bootstrap_administrators_and_administrator_roles_are_exempt()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", BuiltInRoles.SysAdmin));
        var bootstrap = await PendingAccountAsync(sysadmin, "renamed.admin", null);
        await WithDbAsync(async db =>
        {
            var account = await db.Set<Account>().SingleAsync(a => a.Id == bootstrap, Cancel);
            account.BootstrapName = "secadmin";
            return await db.SaveChangesAsync(Cancel);
        });
        var auditor = await CreateUserAsync("audit2", BuiltInRoles.AuditAdmin);
        await WithDbAsync(async db =>
        {
            var account = await db.Set<Account>().SingleAsync(a => a.Id == auditor.Id, Cancel);
            account.State = AccountState.Pending;
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{bootstrap}/activate")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{auditor.Id}/activate")).StatusCode);
        Assert.Equal(AccountState.Active, (await ReloadAsync(bootstrap)).State);
        Assert.Equal(AccountState.Active, (await ReloadAsync(auditor.Id)).State);
    }

    private async Task<(HttpClient Sysadmin, long Person)> SetUpAsync()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", BuiltInRoles.SysAdmin));
        var person = await StaffTestRecords.PersonAsync(App, await StaffTestRecords.DepartmentAsync(App, "心血管内科"), "王五");
        return (sysadmin, person);
    }

    private async Task TrainAsync(long person, AttendanceResult result)
    {
        var department = await WithDbAsync(db => db.Set<Xinke.Modules.Organization.People.Person>().Where(p => p.Id == person).Select(p => p.DepartmentId).SingleAsync(Cancel));
        var system = await StaffTestRecords.SystemAsync(App, department, $"HIS-{result}");
        await StaffTestRecords.TrainAsync(App, person, TrainingKind.SystemUse, system, Today.AddDays(-5), result);
    }

    private static async Task<long> PendingAccountAsync(HttpClient sysadmin, string userName, long? personId)
    {
        var created = await PostAsync(sysadmin, "/api/v1/users", new { userName, displayName = userName, personId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }
}
