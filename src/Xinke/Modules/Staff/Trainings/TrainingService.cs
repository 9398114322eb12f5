using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff.Trainings;

/// <summary>A change an API or page asks for, and the precondition (such as If-Match) it must pass first.</summary>
public delegate Error? SessionPrecondition(TrainingSession session);

/// <summary>
/// The training register's use cases, one transaction each. Sessions are seen by every reader;
/// attendance rows only within the reader's department scope (a department's head and liaison
/// see their own people).
/// </summary>
public sealed class TrainingService(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    HospitalClock hospital,
    CurrentCaller current,
    DepartmentScope scope,
    StaffScope staffScope,
    InformationSystems systems,
    ObligationRecords obligations)
{
    /// <summary>The obligation evidence a session with passed attendance reports, by kind.</summary>
    public const string SystemUseEvidence = "staff.training.system_use";
    public const string SecurityAwarenessEvidence = "staff.training.security_awareness";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public IQueryable<TrainingSession> Sessions() => db.Set<TrainingSession>().AsNoTracking();

    public Task<TrainingSession?> FindSessionAsync(long id, CancellationToken cancellationToken) =>
        Sessions().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Attendance rows the caller may read: their department scope's people only.</summary>
    public async Task<IQueryable<TrainingAttendance>> VisibleAttendanceAsync(CancellationToken cancellationToken) =>
        await scope.ApplyAsync(db.Set<TrainingAttendance>().AsNoTracking(), StaffPermissions.TrainingsRead, a => a.DepartmentId, cancellationToken);

    /// <summary>A person's whole training history, newest first; null when the person is outside the caller's scope.</summary>
    public async Task<IReadOnlyList<TrainingHistoryLine>?> HistoryAsync(long personId, CancellationToken cancellationToken)
    {
        if (await staffScope.ReachablePersonAsync(personId, StaffPermissions.TrainingsRead, cancellationToken) is null)
        {
            return null;
        }

        return await db.Set<TrainingAttendance>().AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.Session!.HeldOn).ThenByDescending(a => a.Id)
            .Select(a => new TrainingHistoryLine(a.SessionId, a.Session!.Code, a.Session.Kind, a.Session.SystemId, a.Session.Title, a.Session.HeldOn, a.Result, a.Score, a.CertificateExpiresOn))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<TrainingSession>> CreateAsync(SessionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Enum.TryParse<TrainingKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            return Error.Invalid(TrainingErrors.InvalidKind, "kind");
        }

        var invalid = TrainingSession.CheckSystem(kind, input.SystemId)
            ?? TrainingSession.CheckTitle(input.Title)
            ?? (input.HeldOn is null ? Error.Invalid(TrainingErrors.InvalidHeldOn, "heldOn") : null)
            ?? TrainingSession.CheckHours(input.Hours)
            ?? TrainingSession.CheckText(input.Place, TrainingSession.PlaceMaxLength, "place")
            ?? TrainingSession.CheckText(input.Trainer, TrainingSession.TrainerMaxLength, "trainer")
            ?? TrainingSession.CheckText(input.Notes, TrainingSession.NotesMaxLength, "notes")
            ?? await SystemErrorAsync(input.SystemId, cancellationToken)
            ?? await DepartmentErrorAsync(input.OrganisingDepartmentId, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var creator = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var session = new TrainingSession
            {
                Code = await codes.NextAsync(TrainingSession.CodeKind, input.HeldOn!.Value.Year, cancellationToken),
                Kind = kind,
                SystemId = input.SystemId,
                Title = input.Title!.Trim(),
                HeldOn = input.HeldOn!.Value,
                Hours = input.Hours!.Value,
                Place = Trimmed(input.Place),
                Trainer = Trimmed(input.Trainer),
                OrganisingDepartmentId = input.OrganisingDepartmentId,
                Notes = Trimmed(input.Notes),
                CreatedById = creator?.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return Result<TrainingSession>.Success(session);
        }, cancellationToken);
    }

    /// <summary>Edits a session; its day cannot move past results already recorded.</summary>
    public async Task<Result<TrainingSession>> EditAsync(long id, SessionPatch patch, SessionPrecondition? precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var session = await db.Set<TrainingSession>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return Error.NotFound(TrainingErrors.NotFound);
        }

        if (precondition?.Invoke(session) is { } failed)
        {
            return failed;
        }

        var invalid = (patch.Title is null ? null : TrainingSession.CheckTitle(patch.Title))
            ?? (patch.Hours is null ? null : TrainingSession.CheckHours(patch.Hours))
            ?? TrainingSession.CheckText(patch.Place, TrainingSession.PlaceMaxLength, "place")
            ?? TrainingSession.CheckText(patch.Trainer, TrainingSession.TrainerMaxLength, "trainer")
            ?? TrainingSession.CheckText(patch.Notes, TrainingSession.NotesMaxLength, "notes")
            ?? (patch.SystemId is null ? null : TrainingSession.CheckSystem(session.Kind, patch.SystemId) ?? await SystemErrorAsync(patch.SystemId, cancellationToken));
        if (invalid is not null)
        {
            return invalid;
        }

        if (patch.HeldOn is { } heldOn && heldOn > Today
            && await db.Set<TrainingAttendance>().AnyAsync(a => a.SessionId == id && a.RecordedAt != null, cancellationToken))
        {
            return Error.Conflict(TrainingErrors.ResultsBeforeSession, TrainingErrors.Requirement);
        }

        session.Title = patch.Title?.Trim() ?? session.Title;
        session.HeldOn = patch.HeldOn ?? session.HeldOn;
        session.Hours = patch.Hours ?? session.Hours;
        session.Place = patch.Place is null ? session.Place : Trimmed(patch.Place);
        session.Trainer = patch.Trainer is null ? session.Trainer : Trimmed(patch.Trainer);
        session.Notes = patch.Notes is null ? session.Notes : Trimmed(patch.Notes);
        session.SystemId = patch.SystemId ?? session.SystemId;
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Enrols people in a session; someone who has left the hospital cannot be.</summary>
    public async Task<Result<IReadOnlyList<TrainingAttendance>>> EnrolAsync(long sessionId, IReadOnlyList<long>? personIds, CancellationToken cancellationToken)
    {
        var session = await db.Set<TrainingSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return Error.NotFound(TrainingErrors.NotFound);
        }

        var wanted = (personIds ?? []).Distinct().ToList();
        if (wanted.Count is 0 or > 500)
        {
            return Error.Invalid(TrainingErrors.UnknownPerson, "personIds");
        }

        var enrolled = await db.Set<TrainingAttendance>().Where(a => a.SessionId == sessionId && wanted.Contains(a.PersonId)).Select(a => a.PersonId).ToListAsync(cancellationToken);
        if (enrolled.Count > 0)
        {
            return Error.Conflict(TrainingErrors.AlreadyEnrolled, null, enrolled[0]);
        }

        var added = new List<TrainingAttendance>();
        foreach (var personId in wanted)
        {
            var enrolment = await NewAttendanceAsync(sessionId, personId, "personIds", cancellationToken);
            if (!enrolment.Succeeded)
            {
                return enrolment.Error!;
            }

            added.Add(enrolment.Value!);
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            db.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            return Result<IReadOnlyList<TrainingAttendance>>.Success(added);
        }, cancellationToken);
    }

    /// <summary>
    /// Records results, all or nothing: only once the session has been held; people not yet
    /// enrolled are enrolled on the way (and refused if they have left). The first pass of a
    /// system-use or security-awareness session is reported to the obligations.
    /// </summary>
    public async Task<Result<IReadOnlyList<TrainingAttendance>>> RecordResultsAsync(long sessionId, IReadOnlyList<ResultLine>? lines, CancellationToken cancellationToken)
    {
        var session = await db.Set<TrainingSession>().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return Error.NotFound(TrainingErrors.NotFound);
        }

        if (lines is not { Count: > 0 and <= 500 } || lines.Select(l => l.PersonId).Distinct().Count() != lines.Count)
        {
            return Error.Invalid(TrainingErrors.InvalidResult, "results");
        }

        var today = Today;
        if (session.CheckResultsAllowed(today) is { } early)
        {
            return early;
        }

        var caller = await current.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var hadPass = await db.Set<TrainingAttendance>().AnyAsync(a => a.SessionId == sessionId && a.Result == AttendanceResult.Passed, cancellationToken);
        var personIds = lines.Select(l => l.PersonId).ToList();
        var existing = await db.Set<TrainingAttendance>().Where(a => a.SessionId == sessionId && personIds.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, cancellationToken);
        var changed = new List<TrainingAttendance>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"results[{i}]");
            if (!Enum.TryParse<AttendanceResult>(line.Result, ignoreCase: true, out var result) || int.TryParse(line.Result, out _))
            {
                return Error.Invalid(TrainingErrors.InvalidResult, field + ".result");
            }

            if (!existing.TryGetValue(line.PersonId, out var attendance))
            {
                var enrolment = await NewAttendanceAsync(sessionId, line.PersonId, field + ".personId", cancellationToken);
                if (!enrolment.Succeeded)
                {
                    return enrolment.Error!;
                }

                attendance = enrolment.Value!;
                db.Add(attendance);
            }

            if (attendance.Record(session, result, line.Score, line.CertificateExpiresOn, caller?.Id, now, today) is { } refused)
            {
                return refused with { Field = refused.Field is null ? null : $"{field}.{refused.Field}" };
            }

            changed.Add(attendance);
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            if (!hadPass && changed.Any(a => a.Result == AttendanceResult.Passed) && EvidenceKindOf(session.Kind) is { } evidenceKind)
            {
                var heldAt = new DateTimeOffset(hospital.StartOfDayUtc(session.HeldOn).AddHours(12), TimeSpan.Zero);
                await obligations.ReportAsync(new ObligationEvidence(evidenceKind, null, null, heldAt, caller?.Id, session.Code), cancellationToken);
            }

            return Result<IReadOnlyList<TrainingAttendance>>.Success(changed);
        }, cancellationToken);
    }

    private static string? EvidenceKindOf(TrainingKind kind) => kind switch
    {
        TrainingKind.SystemUse => SystemUseEvidence,
        TrainingKind.SecurityAwareness => SecurityAwarenessEvidence,
        _ => null,
    };

    /// <summary>A new enrolment of a person the writer's scope reaches and who has not left.</summary>
    private async Task<Result<TrainingAttendance>> NewAttendanceAsync(long sessionId, long personId, string field, CancellationToken cancellationToken)
    {
        var person = await staffScope.ReachablePersonAsync(personId, StaffPermissions.TrainingsWrite, cancellationToken);
        if (person is null)
        {
            return Error.Invalid(TrainingErrors.UnknownPerson, field);
        }

        if (person.Status == PersonStatus.Left)
        {
            return Error.Conflict(TrainingErrors.PersonLeft, TrainingErrors.Requirement, person.Name);
        }

        return new TrainingAttendance
        {
            SessionId = sessionId,
            PersonId = person.Id,
            DepartmentId = person.DepartmentId,
            Result = AttendanceResult.Pending,
            EnrolledAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    private async Task<Error?> SystemErrorAsync(long? systemId, CancellationToken cancellationToken) =>
        systemId is { } id && await systems.FindAsync(id, cancellationToken) is null ? Error.Invalid(TrainingErrors.UnknownSystem, "systemId") : null;

    private async Task<Error?> DepartmentErrorAsync(long? departmentId, CancellationToken cancellationToken) =>
        departmentId is { } id && !await db.Set<Department>().AnyAsync(d => d.Id == id, cancellationToken)
            ? Error.Invalid(TrainingErrors.UnknownDepartment, "organisingDepartmentId")
            : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
