using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff;

/// <summary>
/// The records <see cref="StaffEvidence"/> grades: for STAFF-01 the system-use sessions of the
/// period and their passes (each person named), for SEC-05 the security-awareness sessions of
/// the twelve months before the judged instant and their passes (with each session's materials,
/// e.g. the sign-in sheet), for ACC-01 the accounts opened in the period and when each cleared the activation gate.
/// </summary>
public sealed class StaffEvidenceRecords(XinkeDb db, PeopleDirectory people, HospitalClock hospital) : IEvidenceRecordSource
{
    private static readonly string[] SessionHeaders = ["evidencerecords.code", "evidencerecords.title", "evidencerecords.held_on", "evidencerecords.hours", "evidencerecords.trainer"];
    private static readonly string[] PassHeaders = ["evidencerecords.code", "evidencerecords.held_on", "evidencerecords.person", "evidencerecords.employee_number", "evidencerecords.department", "evidencerecords.result", "evidencerecords.score"];

    public IReadOnlyCollection<string> RequirementIds { get; } = [StaffEvidence.SystemTraining, StaffEvidence.SecurityTraining, StaffEvidence.Activation];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId == StaffEvidence.Activation)
        {
            yield return Activations(query);
            yield break;
        }

        var (kind, from, to) = requirementId == StaffEvidence.SystemTraining
            ? (TrainingKind.SystemUse, query.From, query.To)
            : (TrainingKind.SecurityAwareness, hospital.LocalDate(query.AsOf).AddYears(-1).AddDays(1), hospital.LocalDate(query.AsOf));
        var passes = db.Set<TrainingAttendance>().AsNoTracking().Where(a =>
            a.Result == AttendanceResult.Passed && a.Session!.Kind == kind && a.Session.HeldOn >= from && a.Session.HeldOn <= to);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            passes = passes.Where(a => inside.Contains(a.DepartmentId));
        }

        var sessions = db.Set<TrainingSession>().AsNoTracking().Where(s => passes.Any(a => a.SessionId == s.Id));

        // Materials are few beside the passes: read once, so the sessions stream without a query per row.
        var materials = (await db.Set<Attachment>().AsNoTracking()
                .Where(f => f.OwnerType == TrainingAttachments.OwnerType && f.VoidedAt == null && sessions.Any(s => s.Id == f.OwnerId))
                .Select(f => new { f.OwnerId, f.Id })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.OwnerId, f => f.Id);
        yield return RecordSheets.Of(
            "evidencerecords.training_sessions",
            SessionHeaders,
            sessions.OrderBy(s => s.HeldOn).ThenBy(s => s.Id).Select(s => new { s.Id, s.Code, s.Title, s.HeldOn, s.Hours, s.Trainer }),
            s => new RecordRow([s.Code, s.Title, s.HeldOn, s.Hours, s.Trainer], [.. materials[s.Id]]));
        var names = people.Names();
        yield return RecordSheets.Of(
            "evidencerecords.training_passes",
            PassHeaders,
            passes.OrderBy(a => a.Session!.HeldOn).ThenBy(a => a.Id).Select(a => new
            {
                a.Session!.Code,
                a.Session.HeldOn,
                Person = names.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault(),
                PersonNumber = names.Where(p => p.Id == a.PersonId).Select(p => p.EmployeeNumber).FirstOrDefault(),
                Department = db.Set<Department>().Where(d => d.Id == a.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                a.Result,
                a.Score,
            }),
            a => new RecordRow(a.Code, a.HeldOn, a.Person, a.PersonNumber, a.Department, a.Result.ToString(), a.Score));
    }

    private RecordSheet Activations(EvidenceQuery query)
    {
        var opened = db.Set<Account>().AsNoTracking().Where(a =>
            a.CreatedAt >= query.StartUtc && a.CreatedAt < query.EndUtc && a.State != AccountState.Pending && a.BootstrapName == null);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
            opened = opened.Where(a => db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && inside.Contains(r.DepartmentId)));
        }

        return RecordSheets.Of(
            "evidencerecords.activations",
            ["evidencerecords.user_name", "evidencerecords.display_name", "evidencerecords.created_at", "evidencerecords.cleared_at"],
            opened.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => new
            {
                a.UserName,
                a.DisplayName,
                a.CreatedAt,
                ClearedAt = db.Set<ActivationClearance>().Where(c => c.AccountId == a.Id).Select(c => (DateTime?)c.ClearedAt).Min(),
            }),
            a => new RecordRow(a.UserName, a.DisplayName, a.CreatedAt, a.ClearedAt));
    }
}
