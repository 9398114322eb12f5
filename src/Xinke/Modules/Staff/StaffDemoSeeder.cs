using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff;

/// <summary>
/// The demo hospital's trainings and agreements: a year of sessions (system use per main system,
/// security awareness, confidentiality) with mostly passed attendance, agreement versions 1 and 2
/// with acceptances; then each demo account's person is trained and bound by the current agreement,
/// and the account is activated through the activation gate.
/// </summary>
public sealed class StaffDemoSeeder(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    HospitalClock hospital,
    PeopleDirectory people,
    InformationSystems systems,
    AgreementRecords agreements,
    ObligationRecords obligations,
    AccountService accounts) : IDemoSeeder
{
    /// <summary>The demo accounts of the organization seeder, one per business role, created pending.</summary>
    public static readonly string[] DemoAccounts =
        [BuiltInRoles.ItDirector, BuiltInRoles.ItEngineer, BuiltInRoles.DutyOperator, BuiltInRoles.DeptHead, BuiltInRoles.DeptLiaison, BuiltInRoles.Staff, BuiltInRoles.Leadership, BuiltInRoles.Reviewer];

    private const string Version1 = "本人在使用医院信息系统期间，对接触到的患者信息、业务数据和系统账号口令负有保密义务：不泄露、不转借账号、不越权访问、不私自复制或外传数据；离岗后保密义务继续有效。违反本协议的，按医院规章制度处理。";
    private const string Version2 = Version1 + "\n补充条款：不得将医院数据上传至互联网公共服务（含网盘、即时通讯群组和生成式人工智能工具）；发现信息泄露或账号异常应立即报告信息科。";

    public int Order => 400;

    public string Name => "staff";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var everyone = await ActivePeopleAsync(cancellationToken);
        if (everyone.Count == 0)
        {
            progress.Report("staff: no people in the organization register, trainings skipped");
            return;
        }

        TrainingSession? systemUse;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Human codes are taken inside the transaction that stores their records.
            systemUse = await SeedRecordsAsync(size, everyone, progress, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ActivateDemoAccountsAsync(systemUse, progress, cancellationToken);
    }

    /// <summary>The year's sessions with attendance, and agreement versions 1 and 2 with acceptances; returns a system-use session.</summary>
    private async Task<TrainingSession?> SeedRecordsAsync(DemoSize size, List<PersonSummary> everyone, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var today = hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        var random = new Random(400);
        var perSession = size == DemoSize.Large ? 120 : 25;
        var itDepartment = await db.Set<Department>().AsNoTracking().Where(d => d.Name == "信息科").Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var inService = (await systems.InServiceAsync(cancellationToken)).Take(6).ToList();
        var sessions = new List<TrainingSession>();
        foreach (var (system, index) in inService.Select((s, i) => (s, i)))
        {
            sessions.Add(await SessionAsync(TrainingKind.SystemUse, system.Id, $"{system.Name}操作培训（上半年）", today.AddDays(-300 + (index * 7)), itDepartment, cancellationToken));
            sessions.Add(await SessionAsync(TrainingKind.SystemUse, system.Id, $"{system.Name}操作培训（下半年）", today.AddDays(-120 + (index * 7)), itDepartment, cancellationToken));
        }

        sessions.Add(await SessionAsync(TrainingKind.SecurityAwareness, null, "全院信息安全意识培训", today.AddDays(-200), itDepartment, cancellationToken));
        sessions.Add(await SessionAsync(TrainingKind.SecurityAwareness, null, "网络安全宣传周专题培训", today.AddDays(-60), itDepartment, cancellationToken));
        sessions.Add(await SessionAsync(TrainingKind.Confidentiality, null, "患者信息保密与保密协议解读", today.AddDays(-90), itDepartment, cancellationToken));
        sessions.Add(await SessionAsync(TrainingKind.ItSkills, null, "信息科网络设备运维技能认证", today.AddDays(-45), itDepartment, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in sessions)
        {
            foreach (var person in everyone.OrderBy(_ => random.Next()).Take(perSession))
            {
                var roll = random.Next(100);
                var result = roll < 88 ? AttendanceResult.Passed : roll < 95 ? AttendanceResult.Failed : AttendanceResult.Absent;
                db.Add(new TrainingAttendance
                {
                    SessionId = session.Id,
                    PersonId = person.Id,
                    DepartmentId = person.DepartmentId,
                    Result = result,
                    Score = result == AttendanceResult.Absent ? null : result == AttendanceResult.Passed ? 70 + random.Next(31) : 40 + random.Next(20),
                    CertificateExpiresOn = result == AttendanceResult.Passed && session.Kind.RequiresCertificateExpiry() ? session.HeldOn.AddYears(3) : null,
                    EnrolledAt = hospital.StartOfDayUtc(session.HeldOn.AddDays(-7)),
                    RecordedAt = hospital.StartOfDayUtc(session.HeldOn.AddDays(1)),
                });
            }

            await ReportAsync(session, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"staff: {sessions.Count} training sessions"));

        var first = Version(1, "医院信息系统保密协议", Version1, today.AddDays(-400), now);
        var second = Version(2, "医院信息系统保密协议（2026 年修订）", Version2, today.AddDays(-30), now);
        db.AddRange(first, second);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var person in everyone)
        {
            var roll = random.Next(100);
            if (roll < 90)
            {
                db.Add(Acceptance(person, first, first.EffectiveFrom.AddDays(random.Next(60))));
            }

            if (roll < 70)
            {
                db.Add(Acceptance(person, second, second.EffectiveFrom.AddDays(random.Next(20))));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sessions.FirstOrDefault(s => s.Kind == TrainingKind.SystemUse);
    }

    private async Task ActivateDemoAccountsAsync(TrainingSession? systemUse, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var current = await agreements.CurrentAsync(AgreementKind.Confidentiality, cancellationToken);
        var demo = await db.Set<Account>().Where(a => DemoAccounts.Contains(a.UserName)).ToListAsync(cancellationToken);
        if (systemUse is null || current is null || demo.Count == 0)
        {
            progress.Report("staff: no demo accounts or no system-use session, activation skipped");
            return;
        }

        foreach (var account in demo.Where(a => a.PersonId is not null))
        {
            var person = await people.FindAsync(account.PersonId!.Value, cancellationToken);
            if (person is null)
            {
                continue;
            }

            var attendance = await db.Set<TrainingAttendance>().SingleOrDefaultAsync(a => a.SessionId == systemUse.Id && a.PersonId == person.Id, cancellationToken);
            if (attendance is null)
            {
                attendance = new TrainingAttendance { SessionId = systemUse.Id, PersonId = person.Id, DepartmentId = person.DepartmentId, EnrolledAt = hospital.StartOfDayUtc(systemUse.HeldOn.AddDays(-7)) };
                db.Add(attendance);
            }

            attendance.Result = AttendanceResult.Passed;
            attendance.Score = 90;
            attendance.RecordedAt = hospital.StartOfDayUtc(systemUse.HeldOn.AddDays(1));
            if (!await db.Set<AgreementAcceptance>().AnyAsync(a => a.PersonId == person.Id && a.VersionId == current.Id, cancellationToken))
            {
                db.Add(Acceptance(person, current, current.EffectiveFrom));
            }

            await db.SaveChangesAsync(cancellationToken);
            if (account.State == AccountState.Pending && await accounts.ActivateAsync(account.Id, cancellationToken) is { } refused)
            {
                progress.Report($"staff: {account.UserName} not activated ({refused.Code})");
            }
        }

        progress.Report(string.Create(CultureInfo.InvariantCulture, $"staff: {demo.Count} demo accounts trained, bound by the agreement and activated"));
    }

    private async Task<List<PersonSummary>> ActivePeopleAsync(CancellationToken cancellationToken)
    {
        var everyone = new List<PersonSummary>();
        foreach (var department in await db.Set<Department>().AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken))
        {
            everyone.AddRange((await people.InDepartmentAsync(department, includeLeavers: false, cancellationToken)).Where(p => p.Status == PersonStatus.Active));
        }

        return everyone;
    }

    private async Task<TrainingSession> SessionAsync(TrainingKind kind, long? systemId, string title, DateOnly heldOn, long? department, CancellationToken cancellationToken)
    {
        var session = new TrainingSession
        {
            Code = await codes.NextAsync(TrainingSession.CodeKind, heldOn.Year, cancellationToken),
            Kind = kind,
            SystemId = systemId,
            Title = title,
            HeldOn = heldOn,
            Hours = kind == TrainingKind.ItSkills ? 16 : 2,
            Place = "门诊楼五楼多功能厅",
            Trainer = "信息科",
            OrganisingDepartmentId = department,
            CreatedAt = hospital.StartOfDayUtc(heldOn.AddDays(-14)),
        };
        db.Add(session);
        return session;
    }

    private async Task ReportAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        var kind = session.Kind switch
        {
            TrainingKind.SystemUse => TrainingService.SystemUseEvidence,
            TrainingKind.SecurityAwareness => TrainingService.SecurityAwarenessEvidence,
            _ => null,
        };
        if (kind is not null)
        {
            await obligations.ReportAsync(new ObligationEvidence(kind, null, null, new DateTimeOffset(hospital.StartOfDayUtc(session.HeldOn).AddHours(12), TimeSpan.Zero), null, session.Code), cancellationToken);
        }
    }

    private static AgreementVersion Version(int number, string title, string body, DateOnly effectiveFrom, DateTime now) => new()
    {
        Kind = AgreementKind.Confidentiality,
        Number = number,
        Title = title,
        Body = body,
        EffectiveFrom = effectiveFrom,
        PublishedAt = now,
    };

    private AgreementAcceptance Acceptance(PersonSummary person, AgreementVersion version, DateOnly signedOn)
    {
        var at = hospital.StartOfDayUtc(signedOn).AddHours(2);
        return new AgreementAcceptance
        {
            PersonId = person.Id,
            DepartmentId = person.DepartmentId,
            VersionId = version.Id,
            Method = AcceptanceMethod.Electronic,
            AcceptedAt = at,
            Address = "10.1.20.15",
            RecordedAt = at,
        };
    }
}
