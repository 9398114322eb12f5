using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets;

/// <summary>
/// What the register proves, judged on the devices registered by the instant asked and not scrapped:
/// EQ-01 key devices have a designated place and stand at it (every move is on the timeline, the
/// service writes none without it); EQ-07 key devices keep a warranty card and a driver record;
/// EQ-08 devices are kept by IT with a responsible person and an owning department; ORG-05 every
/// networked device (a hostname or MAC) and every workstation names its responsible person. Graded by
/// share, never greener than the records: the answer links the register and each device short of it.
/// </summary>
public sealed class AssetsEvidence(XinkeDb db, RequirementCatalogue catalogue, AssetDocuments documents) : IEvidenceProvider
{
    public const string KeyDevicesKey = "evidence.eq01.assets";
    public const string DocumentsKey = "evidence.eq07.assets";
    public const string ManagedKey = "evidence.eq08.assets";
    public const string ResponsibleKey = "evidence.org05.assets";
    private const int MaxLinks = 50;
    private static readonly EvidenceLink Register = new("nav.assets", "/assets");

    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-01", "EQ-07", "EQ-08", "ORG-05"];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var asOf = query.AsOf;
        var assets = db.Set<Asset>().AsNoTracking().Where(a => a.CreatedAt <= asOf && a.Status != AssetStatus.Scrapped);
        if (query.DepartmentId is { } department)
        {
            var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
            var inside = db.Set<Department>().Where(d => path != null && d.Path.StartsWith(path)).Select(d => d.Id);
            assets = assets.Where(a => inside.Contains(a.OwningDepartmentId));
        }

        switch (requirementId)
        {
            case "EQ-01":
                {
                    var keyDevices = await assets.Where(a => a.IsKeyDevice).ToListAsync(cancellationToken);
                    return Answer(requirementId, KeyDevicesKey, keyDevices.Count, keyDevices.Where(a => !a.StandsAtDesignatedLocation).Select(a => (a.Id, a.Tag)).ToList());
                }

            case "EQ-07":
                {
                    var total = await assets.CountAsync(a => a.IsKeyDevice, cancellationToken);
                    var missing = await documents.KeyDevicesMissingDocuments(assets, asOf).OrderBy(a => a.Tag).Select(a => new { a.Id, a.Tag }).ToListAsync(cancellationToken);
                    return Answer(requirementId, DocumentsKey, total, [.. missing.Select(a => (a.Id, a.Tag))]);
                }

            case "EQ-08":
                {
                    var total = await assets.CountAsync(cancellationToken);
                    var missing = await assets.Where(a => a.ResponsiblePersonId == null).OrderBy(a => a.Tag).Select(a => new { a.Id, a.Tag }).ToListAsync(cancellationToken);
                    return Answer(requirementId, ManagedKey, total, [.. missing.Select(a => (a.Id, a.Tag))]);
                }

            case "ORG-05":
                {
                    var workstationTypes = db.Set<AssetType>().Where(t => t.IsWorkstation).Select(t => t.Id);
                    var networked = assets.Where(a => a.Hostname != null || a.MacAddress != null || workstationTypes.Contains(a.TypeId));
                    var total = await networked.CountAsync(cancellationToken);
                    var missing = await networked.Where(a => a.ResponsiblePersonId == null).OrderBy(a => a.Tag).Select(a => new { a.Id, a.Tag }).ToListAsync(cancellationToken);
                    return Answer(requirementId, ResponsibleKey, total, [.. missing.Select(a => (a.Id, a.Tag))]);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The register does not evidence this requirement.");
        }
    }

    private EvidenceAnswer Answer(string requirementId, string reasonKey, int total, List<(long Id, string Tag)> shortOf)
    {
        var compliant = total - shortOf.Count;
        return new EvidenceAnswer(
            requirementId,
            EvidenceGrades.ByShare(catalogue, requirementId, compliant, total),
            new EvidenceReason(reasonKey, compliant, total),
            [Register, .. shortOf.Take(MaxLinks).Select(a => new EvidenceLink(a.Tag, string.Create(CultureInfo.InvariantCulture, $"/assets/{a.Id}")))]);
    }
}
