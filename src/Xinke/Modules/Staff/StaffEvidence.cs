using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff;

/// <summary>
/// What the training register and the activation gate prove: STAFF-01 by the share of in-service
/// systems whose users had a system-use session with passes in the period; SEC-05 by the share of
/// active people who passed security-awareness training within the twelve months before the
/// records are judged; ACC-01 by the share of accounts opened in the period that went through the
/// activation gate (trained and bound by the current agreement when activated).
/// </summary>
public sealed class StaffEvidence(XinkeDb db, RequirementCatalogue catalogue, PeopleDirectory people, InformationSystems systems, HospitalClock hospital) : IEvidenceProvider
{
    public const string SystemTraining = "STAFF-01";
    public const string SecurityTraining = "SEC-05";
    public const string Activation = "ACC-01";
    private static readonly EvidenceLink Trainings = new("nav.trainings", "/staff/trainings");
    private static readonly EvidenceLink Agreements = new("nav.agreements", "/staff/agreements");

    public IReadOnlyCollection<string> RequirementIds { get; } = [SystemTraining, SecurityTraining, Activation];

    public Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return requirementId switch
        {
            SystemTraining => SystemTrainingAsync(query, cancellationToken),
            SecurityTraining => SecurityTrainingAsync(query, cancellationToken),
            Activation => ActivationAsync(query, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "Staff does not evidence this requirement."),
        };
    }

    private async Task<EvidenceAnswer> SystemTrainingAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var inService = (await systems.InServiceAsync(cancellationToken)).Select(s => s.Id).ToList();
        var passes = db.Set<TrainingAttendance>().AsNoTracking().Where(a =>
            a.Result == AttendanceResult.Passed
            && a.Session!.Kind == TrainingKind.SystemUse
            && a.Session.HeldOn >= query.From && a.Session.HeldOn <= query.To);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            passes = passes.Where(a => inside.Contains(a.DepartmentId));
        }

        var trainedSystems = await passes.Where(a => a.Session!.SystemId != null && inService.Contains(a.Session.SystemId.Value))
            .Select(a => a.Session!.SystemId).Distinct().CountAsync(cancellationToken);
        var trainedPeople = await passes.Select(a => a.PersonId).Distinct().CountAsync(cancellationToken);
        var status = EvidenceGrades.ByShare(catalogue, SystemTraining, trainedSystems, inService.Count);
        return new EvidenceAnswer(SystemTraining, status, new EvidenceReason("evidence.staff01.system_training", trainedSystems, inService.Count, trainedPeople), [Trainings]);
    }

    private async Task<EvidenceAnswer> SecurityTrainingAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var departments = query.DepartmentId is { } department
            ? await db.Set<Department>().AsNoTracking().SelfAndBeneath(department).ToListAsync(cancellationToken)
            : await db.Set<Department>().AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        var active = new List<long>();
        foreach (var id in departments)
        {
            active.AddRange((await people.InDepartmentAsync(id, includeLeavers: false, cancellationToken)).Where(p => p.Status == PersonStatus.Active).Select(p => p.Id));
        }

        var asOf = hospital.LocalDate(query.AsOf);
        var since = asOf.AddYears(-1);
        var trained = await db.Set<TrainingAttendance>().AsNoTracking()
            .Where(a => a.Result == AttendanceResult.Passed
                && a.Session!.Kind == TrainingKind.SecurityAwareness
                && a.Session.HeldOn > since && a.Session.HeldOn <= asOf
                && active.Contains(a.PersonId))
            .Select(a => a.PersonId).Distinct().CountAsync(cancellationToken);
        var status = EvidenceGrades.ByShare(catalogue, SecurityTraining, trained, active.Count);
        return new EvidenceAnswer(SecurityTraining, status, new EvidenceReason("evidence.sec05.security_training", trained, active.Count), [Trainings]);
    }

    private async Task<EvidenceAnswer> ActivationAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var administrators = db.Set<RoleAssignment>().Where(r => BuiltInRoles.Administrators.Contains(r.Role!.Name)).Select(r => r.AccountId);
        var opened = db.Set<Account>().AsNoTracking().Where(a =>
            a.CreatedAt >= query.StartUtc && a.CreatedAt < query.EndUtc
            && a.State != AccountState.Pending
            && a.BootstrapName == null
            && !administrators.Contains(a.Id));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
            opened = opened.Where(a => db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && inside.Contains(r.DepartmentId)));
        }

        var total = await opened.CountAsync(cancellationToken);
        var cleared = await opened.CountAsync(a => db.Set<ActivationClearance>().Any(c => c.AccountId == a.Id && c.ClearedAt <= query.AsOf), cancellationToken);
        var status = EvidenceGrades.ByShare(catalogue, Activation, cleared, total);
        return new EvidenceAnswer(Activation, status, new EvidenceReason("evidence.acc01.activation", cleared, total), [Trainings, Agreements]);
    }
}
