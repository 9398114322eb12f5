using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>
/// EQ-04 judged on the maintenance plans' obligation periods that ended in the period asked (and
/// by the instant asked): a period is compliant when a record closed it (in time or in its grace),
/// short when it is late or missed. With a department, the plans for that department's devices.
/// The answer links the plans and each plan short of its schedule.
/// </summary>
public sealed class MaintenanceEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.eq04.maintenance";
    private const int MaxLinks = 50;
    private static readonly EvidenceLink PlansLink = new("nav.maintenance", "/assets/maintenance");

    public IReadOnlyCollection<string> RequirementIds { get; } = [MaintenanceErrors.Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId != MaintenanceErrors.Requirement)
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "Maintenance evidences EQ-04 only.");
        }

        var plans = db.Set<MaintenancePlan>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
            var inside = db.Set<Department>().Where(d => path != null && d.Path.StartsWith(path)).Select(d => d.Id);
            var assets = db.Set<Asset>().Where(a => inside.Contains(a.OwningDepartmentId)).Select(a => a.Id);
            plans = plans.Where(p => p.AssetId != null && assets.Contains(p.AssetId.Value));
        }

        var asOf = query.AsOf;
        var periods = await (from period in db.Set<ObligationPeriod>().AsNoTracking()
                             join plan in plans on period.ObligationId equals plan.ObligationId
                             where period.End > query.StartUtc && period.End <= query.EndUtc && period.End <= asOf
                             select new { Period = period, plan.Id, plan.Title })
            .ToListAsync(cancellationToken);
        var shortOf = periods.Where(p => p.Period.StatusAt(asOf) != PeriodStatus.Done).ToList();
        var compliant = periods.Count - shortOf.Count;
        var missed = shortOf.Count(p => p.Period.StatusAt(asOf) == PeriodStatus.Missed);
        return new EvidenceAnswer(
            requirementId,
            EvidenceGrades.ByShare(catalogue, requirementId, compliant, periods.Count),
            new EvidenceReason(ReasonKey, compliant, periods.Count, missed),
            [PlansLink, .. shortOf.DistinctBy(p => p.Id).OrderBy(p => p.Id).Take(MaxLinks)
                .Select(p => new EvidenceLink(p.Title, string.Create(CultureInfo.InvariantCulture, $"/assets/maintenance/plans/{p.Id}")))]);
    }
}
