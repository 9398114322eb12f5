using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Repairs;

/// <summary>
/// The repairs <see cref="RepairEvidence"/> grades for EQ-05: those started in the period, with who
/// recorded them (and whether that account holds <c>assets.repair</c> now), the vendor and engineer.
/// </summary>
public sealed class RepairEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-05"];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var qualified = from assignment in db.Set<RoleAssignment>()
                        join permission in db.Set<RolePermissionEntry>() on assignment.RoleId equals permission.RoleId
                        where permission.Permission == AssetsPermissions.Repair
                        select assignment.AccountId;
        var repairs = from repair in db.Set<AssetRepair>().AsNoTracking()
                      join asset in db.Set<Asset>() on repair.AssetId equals asset.Id
                      where repair.StartedAt >= query.StartUtc && repair.StartedAt < query.EndUtc && repair.StartedAt <= query.AsOf
                      select new { repair, asset.Tag, asset.OwningDepartmentId };
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            repairs = repairs.Where(r => inside.Contains(r.OwningDepartmentId));
        }

        yield return RecordSheets.Of(
            "evidencerecords.repairs",
            ["evidencerecords.tag", "evidencerecords.department", "evidencerecords.repair_kind", "evidencerecords.started_at", "evidencerecords.finished_at", "evidencerecords.recorded_by", "evidencerecords.vendor", "evidencerecords.vendor_engineer", "evidencerecords.compliant"],
            repairs.OrderBy(r => r.repair.StartedAt).ThenBy(r => r.repair.Id).Select(r => new
            {
                r.Tag,
                Department = db.Set<Department>().Where(d => d.Id == r.OwningDepartmentId).Select(d => d.Name).FirstOrDefault(),
                r.repair.Kind,
                r.repair.StartedAt,
                r.repair.FinishedAt,
                RecordedBy = db.Set<Account>().Where(a => a.Id == r.repair.RecordedById).Select(a => a.UserName).FirstOrDefault(),
                r.repair.VendorName,
                r.repair.VendorEngineer,
                ByQualified = qualified.Contains(r.repair.RecordedById),
            }),
            r => new RecordRow(
                r.Tag, r.Department, r.Kind.ToString(), r.StartedAt, r.FinishedAt, r.RecordedBy, r.VendorName, r.VendorEngineer,
                r.ByQualified && (r.Kind != RepairKind.Vendor || (r.VendorName is not null && r.VendorEngineer is not null))));
    }
}
