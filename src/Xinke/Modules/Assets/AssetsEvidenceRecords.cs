using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets;

/// <summary>
/// The devices <see cref="AssetsEvidence"/> grades, as the register stands at the judged instant
/// (registered by then, not scrapped): EQ-01 the key devices with their designated place and where
/// they stand, EQ-07 the key devices with their warranty card and driver record, EQ-08 every device
/// with its responsible person, ORG-05 the networked devices and workstations with theirs (named,
/// with their employee number). Each row says whether the device meets the rule; a department's
/// pack lists only its own devices.
/// </summary>
public sealed class AssetsEvidenceRecords(XinkeDb db, AssetDocuments documents, PeopleDirectory people) : IEvidenceRecordSource
{
    private static readonly string[] Identity = ["evidencerecords.tag", "evidencerecords.name", "evidencerecords.department"];

    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-01", "EQ-07", "EQ-08", "ORG-05"];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var asOf = query.AsOf;
        var assets = db.Set<Asset>().AsNoTracking().Where(a => a.CreatedAt <= asOf && a.Status != AssetStatus.Scrapped);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            assets = assets.Where(a => inside.Contains(a.OwningDepartmentId));
        }

        var departments = db.Set<Department>();
        yield return requirementId switch
        {
            "EQ-01" => RecordSheets.Of(
                "evidencerecords.key_devices",
                [.. Identity, "evidencerecords.designated_location", "evidencerecords.location", "evidencerecords.compliant"],
                assets.Where(a => a.IsKeyDevice).OrderBy(a => a.Tag).Select(a => new
                {
                    Asset = a,
                    Department = departments.Where(d => d.Id == a.OwningDepartmentId).Select(d => d.Name).FirstOrDefault(),
                }),
                a => new RecordRow(a.Asset.Tag, a.Asset.Name, a.Department, a.Asset.DesignatedLocation, a.Asset.Location.Text, a.Asset.StandsAtDesignatedLocation)),
            "EQ-07" => Documents(assets, asOf),
            "EQ-08" => Responsible("evidencerecords.asset_register", assets),
            "ORG-05" => Responsible("evidencerecords.networked_devices", assets.Where(a => a.Hostname != null || a.MacAddress != null || db.Set<AssetType>().Any(t => t.Id == a.TypeId && t.IsWorkstation))),
            _ => throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The register does not evidence this requirement."),
        };
    }

    private RecordSheet Documents(IQueryable<Asset> assets, DateTime asOf)
    {
        var missing = documents.KeyDevicesMissingDocuments(assets, asOf).Select(a => a.Id);
        return RecordSheets.Of(
            "evidencerecords.key_device_documents",
            [.. Identity, "evidencerecords.warranty_end", "evidencerecords.compliant"],
            assets.Where(a => a.IsKeyDevice).OrderBy(a => a.Tag).Select(a => new
            {
                a.Tag,
                a.Make,
                a.Model,
                Department = db.Set<Department>().Where(d => d.Id == a.OwningDepartmentId).Select(d => d.Name).FirstOrDefault(),
                a.WarrantyEnd,
                Kept = !missing.Contains(a.Id),
            }),
            a => new RecordRow(a.Tag, string.Join(' ', new[] { a.Make, a.Model }.OfType<string>()), a.Department, a.WarrantyEnd, a.Kept));
    }

    private RecordSheet Responsible(string titleKey, IQueryable<Asset> assets)
    {
        var names = people.Names();
        return RecordSheets.Of(
            titleKey,
            [.. Identity, "evidencerecords.hostname", "evidencerecords.mac_address", "evidencerecords.responsible_person", "evidencerecords.employee_number", "evidencerecords.compliant"],
            assets.OrderBy(a => a.Tag).Select(a => new
            {
                a.Tag,
                a.Make,
                a.Model,
                Department = db.Set<Department>().Where(d => d.Id == a.OwningDepartmentId).Select(d => d.Name).FirstOrDefault(),
                a.Hostname,
                a.MacAddress,
                a.ResponsiblePersonId,
                Responsible = names.Where(p => p.Id == a.ResponsiblePersonId).Select(p => p.Name).FirstOrDefault(),
                ResponsibleNumber = names.Where(p => p.Id == a.ResponsiblePersonId).Select(p => p.EmployeeNumber).FirstOrDefault(),
            }),
            a => new RecordRow(a.Tag, string.Join(' ', new[] { a.Make, a.Model }.OfType<string>()), a.Department, a.Hostname, a.MacAddress, a.Responsible, a.ResponsibleNumber, a.ResponsiblePersonId is not null));
    }
}
