using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Repairs;

/// <summary>
/// EQ-05 as the records show it: every repair started in the period was recorded by someone who
/// holds <c>assets.repair</c> (judged on the grants as they stand when asked), and every vendor
/// repair names the vendor and its engineer. Graded by share; the answer links each device short of it.
/// </summary>
public sealed class RepairEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.eq05.repairs";
    private const int MaxLinks = 50;

    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-05"];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var qualified = from assignment in db.Set<RoleAssignment>()
                        join permission in db.Set<RolePermissionEntry>() on assignment.RoleId equals permission.RoleId
                        where permission.Permission == AssetsPermissions.Repair
                        select assignment.AccountId;
        var repairs = from repair in db.Set<AssetRepair>().AsNoTracking()
                      join asset in db.Set<Asset>() on repair.AssetId equals asset.Id
                      where repair.StartedAt >= query.StartUtc && repair.StartedAt < query.EndUtc && repair.StartedAt <= query.AsOf
                      select new { repair, asset.Tag, asset.OwningDepartmentId };
        if (await AssetEvidenceDepartments.InsideAsync(db, query.DepartmentId, cancellationToken) is { } inside)
        {
            repairs = repairs.Where(r => inside.Contains(r.OwningDepartmentId));
        }

        var rows = await repairs
            .OrderBy(r => r.repair.Id)
            .Select(r => new
            {
                r.repair.AssetId,
                r.Tag,
                ByQualified = qualified.Contains(r.repair.RecordedById),
                VendorNamed = r.repair.Kind != RepairKind.Vendor || (r.repair.VendorName != null && r.repair.VendorEngineer != null),
            })
            .ToListAsync(cancellationToken);
        var shortOf = rows.Where(r => !r.ByQualified || !r.VendorNamed).ToList();
        var compliant = rows.Count - shortOf.Count;
        return new EvidenceAnswer(
            requirementId,
            EvidenceGrades.ByShare(catalogue, requirementId, compliant, rows.Count),
            new EvidenceReason(ReasonKey, compliant, rows.Count),
            [new EvidenceLink("nav.assets", "/assets"), .. shortOf.DistinctBy(r => r.AssetId).Take(MaxLinks).Select(r => new EvidenceLink(r.Tag, string.Create(CultureInfo.InvariantCulture, $"/assets/{r.AssetId}")))]);
    }
}
