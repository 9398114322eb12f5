using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>
/// The schedule periods <see cref="MaintenanceEvidence"/> grades for EQ-04: each maintenance plan's
/// periods that ended in the period, with their status at the judged instant and when a record closed
/// them. With a department, the plans for that department's devices.
/// </summary>
public sealed class MaintenanceEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [MaintenanceErrors.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var plans = db.Set<MaintenancePlan>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            var assets = db.Set<Asset>().Where(a => inside.Contains(a.OwningDepartmentId)).Select(a => a.Id);
            plans = plans.Where(p => p.AssetId != null && assets.Contains(p.AssetId.Value));
        }

        var asOf = query.AsOf;
        var periods = from period in db.Set<ObligationPeriod>().AsNoTracking()
                      join plan in plans on period.ObligationId equals plan.ObligationId
                      where period.End > query.StartUtc && period.End <= query.EndUtc && period.End <= asOf
                      orderby period.End, plan.Id
                      select new { Period = period, plan.Title };
        yield return RecordSheets.Of(
            "evidencerecords.maintenance_periods",
            ["evidencerecords.plan", "evidencerecords.period_start", "evidencerecords.period_end", "evidencerecords.status", "evidencerecords.closed_at", "evidencerecords.compliant"],
            periods,
            p => new RecordRow(p.Title, p.Period.Start, p.Period.End, p.Period.StatusAt(asOf).ToString(), p.Period.ClosedAt, p.Period.StatusAt(asOf) == PeriodStatus.Done));
    }
}
