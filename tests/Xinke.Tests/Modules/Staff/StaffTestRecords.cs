using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Staff;

/// <summary>
/// Records the tests of any area need so that an account passes the activation gate (ACC-01):
/// a person in a department, a passed system-use training and an accepted current agreement.
/// Written straight to the database, as the organization and system registers' own seeders would.
/// </summary>
public static class StaffTestRecords
{
    /// <summary>When the helper's records say they were made: before the shared clock's start.</summary>
    private static readonly DateTime Recorded = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<long> DepartmentAsync(XinkeApp app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var hospital = await db.Set<Department>().Where(d => d.Kind == DepartmentKind.Hospital).Select(d => (long?)d.Id).FirstOrDefaultAsync(Cancel)
            ?? (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var created = await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!.Id;
    }

    public static Task<long> PersonAsync(XinkeApp app, long departmentId, string name, PersonStatus status = PersonStatus.Active, long? accountId = null) =>
        WithDbAsync(app, async db =>
        {
            var person = new Person
            {
                EmployeeNumber = $"E{Guid.NewGuid():N}"[..16],
                Name = name,
                DepartmentId = departmentId,
                Status = status,
                LeftOn = status == PersonStatus.Left ? new DateOnly(2026, 1, 31) : null,
            };
            db.Add(person);
            await db.SaveChangesAsync(Cancel);
            if (accountId is not null)
            {
                var account = await db.Set<Account>().SingleAsync(a => a.Id == accountId, Cancel);
                account.PersonId = person.Id;
                await db.SaveChangesAsync(Cancel);
            }

            return person.Id;
        });

    public static Task<long> SystemAsync(XinkeApp app, long departmentId, string code, SystemStatus status = SystemStatus.InService) =>
        WithDbAsync(app, async db =>
        {
            var system = new InformationSystem { Code = code, Name = $"{code} 系统", OwnerDepartmentId = departmentId, ProtectionLevel = 3, Status = status, RtoMinutes = 60, RpoMinutes = 15 };
            db.Add(system);
            await db.SaveChangesAsync(Cancel);
            return system.Id;
        });

    /// <summary>A session of the kind held on the day, with the person's result in it.</summary>
    public static Task<long> TrainAsync(XinkeApp app, long personId, TrainingKind kind, long? systemId, DateOnly heldOn, AttendanceResult result = AttendanceResult.Passed) =>
        WithDbAsync(app, async db =>
        {
            var person = await db.Set<Person>().SingleAsync(p => p.Id == personId, Cancel);
            var session = new TrainingSession { Code = $"TRN-T-{Guid.NewGuid():N}"[..24], Kind = kind, SystemId = systemId, Title = $"{kind} 培训", HeldOn = heldOn, Hours = 2 };
            db.Add(session);
            await db.SaveChangesAsync(Cancel);
            db.Add(new TrainingAttendance { SessionId = session.Id, PersonId = personId, DepartmentId = person.DepartmentId, Result = result, RecordedAt = Recorded });
            await db.SaveChangesAsync(Cancel);
            return session.Id;
        });

    public static Task<long> PublishAgreementAsync(XinkeApp app, DateOnly effectiveFrom) =>
        WithDbAsync(app, async db =>
        {
            var number = (await db.Set<AgreementVersion>().MaxAsync(v => (int?)v.Number, Cancel) ?? 0) + 1;
            var version = new AgreementVersion { Kind = AgreementKind.Confidentiality, Number = number, Title = $"保密协议 第 {number} 版", Body = "对接触到的患者信息负有保密义务。", EffectiveFrom = effectiveFrom };
            db.Add(version);
            await db.SaveChangesAsync(Cancel);
            return version.Id;
        });

    public static Task AcceptAsync(XinkeApp app, long personId, long versionId) =>
        WithDbAsync(app, async db =>
        {
            var person = await db.Set<Person>().SingleAsync(p => p.Id == personId, Cancel);
            db.Add(new AgreementAcceptance { PersonId = personId, DepartmentId = person.DepartmentId, VersionId = versionId, Method = AcceptanceMethod.Electronic, AcceptedAt = Recorded, Address = "127.0.0.1", RecordedAt = Recorded });
            await db.SaveChangesAsync(Cancel);
            return true;
        });

    /// <summary>
    /// Gives the person everything the activation gate asks for: a passed system-use training
    /// held before <paramref name="today"/> and an acceptance of the current agreement (publishing
    /// version 1 first when there is none).
    /// </summary>
    public static async Task QualifyAsync(XinkeApp app, long personId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(app);
        var department = await WithDbAsync(app, db => db.Set<Person>().Where(p => p.Id == personId).Select(p => p.DepartmentId).SingleAsync(Cancel));
        var system = await SystemAsync(app, department, $"SYS-{Guid.NewGuid():N}"[..12]);
        await TrainAsync(app, personId, TrainingKind.SystemUse, system, today.AddDays(-1));
        var version = await WithDbAsync(app, db => db.Set<AgreementVersion>().Where(v => v.EffectiveFrom <= today).OrderByDescending(v => v.Number).Select(v => (long?)v.Id).FirstOrDefaultAsync(Cancel))
            ?? await PublishAgreementAsync(app, today.AddDays(-30));
        await AcceptAsync(app, personId, version);
    }

    private static Task<T> WithDbAsync<T>(XinkeApp app, Func<XinkeDb, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(action);
    }
}
