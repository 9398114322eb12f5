using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets;

/// <summary>
/// The demo hospital's devices: PCs, printers, scanners and terminals in every department with a
/// responsible person, key devices (servers, storage, switches, routers, firewalls, UPS) in the IT
/// department's machine rooms, and a few gaps to show: key devices without documents, one away from
/// its place, workstations without a responsible person. The large size holds 200,000 assets, added
/// in chunks without a SaveChanges per row.
/// </summary>
public sealed class AssetsDemoSeeder(XinkeDb db, PeopleDirectory people, AttachmentService attachments, HumanCodes codes, TimeProvider clock) : IDemoSeeder, IBusinessRecords
{
    public const int LargeCount = 200_000;
    public const int SmallCount = 400;
    private const int Chunk = 2_000;

    private static readonly string[] ItDepartmentNames = ["信息科", "信息中心"];
    private static readonly (string Type, string Make, string Model)[] Workstations =
    [
        ("pc", "联想", "启天 M437"), ("pc", "华为", "擎云 B730"), ("pc", "同方", "超翔 TL630"), ("laptop", "联想", "昭阳 K4e"),
        ("printer", "惠普", "LaserJet M405dn"), ("printer", "奔图", "P3301DN"), ("scanner", "富士通", "fi-7160"), ("terminal", "新大陆", "NLS-N7"),
        ("medical-gateway", "迈瑞", "eGateway"),
    ];

    private static readonly (string Type, string Make, string Model, bool HoldsData)[] KeyDevices =
    [
        ("server", "华为", "FusionServer 2288H V6", true), ("server", "浪潮", "NF5280M6", true), ("storage", "华为", "OceanStor 5310", true),
        ("switch", "华为", "CloudEngine S12700E", false), ("switch", "新华三", "S6520X", false), ("router", "华为", "NetEngine AR6280", false),
        ("firewall", "深信服", "AF-2000", false), ("ups", "山特", "3C3 Pro 60K", false),
    ];

    public int Order => 600;

    public string Name => "assets";

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<Asset>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var departments = await db.Set<Department>().AsNoTracking().Where(d => d.Kind == DepartmentKind.Department || d.Kind == DepartmentKind.Ward).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var it = departments.FirstOrDefault(d => ItDepartmentNames.Contains(d.Name)) ?? departments.FirstOrDefault();
        if (it is null)
        {
            progress.Report("assets: no department to own devices; the register stays empty");
            return;
        }

        var staff = new Dictionary<long, IReadOnlyList<PersonSummary>>();
        foreach (var department in departments)
        {
            staff[department.Id] = await people.InDepartmentAsync(department.Id, includeLeavers: false, cancellationToken);
        }

        var random = new Random(20260302);
        var now = clock.GetUtcNow().UtcDateTime;
        var keyDevices = await KeyDevicesAsync(it, staff[it.Id], now, cancellationToken);
        progress.Report($"assets: {keyDevices.Count} key devices in the machine rooms");
        await DocumentsAsync(keyDevices, progress, cancellationToken);

        var total = size == DemoSize.Large ? LargeCount : SmallCount;
        var added = 0;
        var currentYear = now.Year;
        while (added < total)
        {
            var batch = new List<Asset>(Chunk);
            for (var i = 0; i < Chunk && added + batch.Count < total; i++)
            {
                batch.Add(Workstation(random, departments, staff, added + batch.Count + 1, currentYear, now));
            }

            db.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(batch.Select(a => Registered(a, now)));
            foreach (var moved in batch.Where(a => a.Id % 7 == 0))
            {
                db.Add(Event(moved.Id, AssetEventKind.Note, "例行巡检：运行正常", now));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            added += batch.Count;
            progress.Report($"assets: {added} devices");
        }
    }

    /// <summary>The machine rooms' key devices, each at its designated place but the last, which was moved without its place following (an EQ-01 gap).</summary>
    private async Task<List<Asset>> KeyDevicesAsync(Department it, IReadOnlyList<PersonSummary> engineers, DateTime now, CancellationToken cancellationToken)
    {
        var types = await db.Set<AssetType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var devices = new List<Asset>();
        await AmbientTransaction.RunAsync(db, async () =>
        {
            for (var i = 0; i < KeyDevices.Length * 3; i++)
            {
                var (type, make, model, holdsData) = KeyDevices[i % KeyDevices.Length];
                var room = i % 2 == 0 ? "主机房" : "灾备机房";
                var location = new AssetLocation("本院区", "行政楼", "5F", room, string.Create(CultureInfo.InvariantCulture, $"A{(i / 4) + 1:D2}"), string.Create(CultureInfo.InvariantCulture, $"U{(i % 4 * 10) + 1}"));
                var asset = new Asset
                {
                    Tag = await codes.NextAsync(Asset.CodeKind, cancellationToken),
                    TypeId = types[type],
                    Make = make,
                    Model = model,
                    Serial = string.Create(CultureInfo.InvariantCulture, $"{type.ToUpperInvariant()[..2]}{20230000 + i}"),
                    Supplier = "华信科技",
                    PurchaseDate = new DateOnly(2023, 1 + (i % 12), 1),
                    PurchasePrice = type == "server" ? 98_000m : 36_000m,
                    WarrantyEnd = new DateOnly(2028, 1 + (i % 12), 1),
                    ContractReference = "HT-2023-007",
                    Campus = location.Campus,
                    Building = location.Building,
                    Floor = location.Floor,
                    Room = location.Room,
                    Rack = location.Rack,
                    RackUnit = location.RackUnit,
                    OwningDepartmentId = it.Id,
                    ResponsiblePersonId = engineers.Count > 0 ? engineers[i % engineers.Count].Id : null,
                    Status = AssetStatus.InUse,
                    IsKeyDevice = true,
                    DesignatedLocation = location.Text,
                    HoldsData = holdsData,
                    Hostname = string.Create(CultureInfo.InvariantCulture, $"{type}-{i + 1:D2}"),
                    MacAddress = string.Create(CultureInfo.InvariantCulture, $"00:E0:FC:00:{i / 256:X2}:{i % 256:X2}"),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                devices.Add(asset);
            }

            devices[^1].Room = "配线间";
            db.AddRange(devices);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(devices.Select(a => Registered(a, now)));
            db.Add(Event(devices[^1].Id, AssetEventKind.Moved, $"移动：{devices[^1].DesignatedLocation} → {devices[^1].Location.Text}", now));
            await db.SaveChangesAsync(cancellationToken);
            return Xinke.Kernel.Result<bool>.Success(true);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return devices;
    }

    /// <summary>Warranty cards and drivers for two thirds of the key devices; the rest stay a gap (EQ-07).</summary>
    private async Task DocumentsAsync(List<Asset> keyDevices, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var kept = 0;
        foreach (var device in keyDevices.Where((_, i) => i % 3 != 2))
        {
            foreach (var category in new[] { AssetDocuments.WarrantyCard, AssetDocuments.Driver })
            {
                using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {device.Tag} {category}\n%%EOF\n"));
                var added = await attachments.AddAsync(AssetDocuments.OwnerType, device.Id, $"{device.Tag}-{category}.pdf", content, AssetDocuments.Describe(category, device.Model), null, cancellationToken);
                if (!added.Succeeded)
                {
                    progress.Report($"assets: documents not kept ({added.Error!.Code})");
                    return;
                }
            }

            kept++;
        }

        progress.Report($"assets: documents of {kept} key devices");
    }

    private static Asset Workstation(Random random, List<Department> departments, Dictionary<long, IReadOnlyList<PersonSummary>> staff, int number, int currentYear, DateTime now)
    {
        var department = departments[random.Next(departments.Count)];
        var (type, make, model) = Workstations[random.Next(Workstations.Length)];
        var people = staff[department.Id];
        var year = currentYear - 1 - random.Next(6);
        var networked = type is "pc" or "laptop" or "terminal" or "medical-gateway" || random.Next(2) == 0;
        var status = random.Next(20) switch { 0 => AssetStatus.InStock, 1 => AssetStatus.UnderRepair, _ => AssetStatus.InUse };
        return new Asset
        {
            // Legacy tags of past years: the counter of the current year is left to new registrations.
            Tag = HumanCodes.Format(Asset.CodeKind, year, number),
            TypeId = AssetType.BuiltIns.Single(t => t.Code == type).Id,
            Make = make,
            Model = model,
            Serial = string.Create(CultureInfo.InvariantCulture, $"SN{year}{number:D7}"),
            Supplier = random.Next(2) == 0 ? "华信科技" : "康联电子",
            PurchaseDate = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)),
            PurchasePrice = type switch { "printer" => 2_300m, "scanner" => 3_100m, "laptop" => 6_800m, _ => 4_999m },
            WarrantyEnd = new DateOnly(year + 3, 1 + random.Next(12), 1),
            Campus = "本院区",
            Building = random.Next(3) switch { 0 => "门诊楼", 1 => "住院楼", _ => "医技楼" },
            Floor = string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(12)}F"),
            Room = department.Name,
            OwningDepartmentId = department.Id,

            // One in twenty-five names nobody: the ORG-05 gap to show.
            ResponsiblePersonId = people.Count > 0 && random.Next(25) != 0 ? people[random.Next(people.Count)].Id : null,
            Status = status,
            HoldsData = type is "pc" or "laptop",
            Hostname = networked ? string.Create(CultureInfo.InvariantCulture, $"ws-{number:D6}") : null,
            MacAddress = networked ? string.Create(CultureInfo.InvariantCulture, $"3C:52:82:{(number >> 16) & 0xFF:X2}:{(number >> 8) & 0xFF:X2}:{number & 0xFF:X2}") : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static AssetEvent Registered(Asset asset, DateTime now) => Event(asset.Id, AssetEventKind.Registered, $"登记入账：{asset.Name}，位置 {asset.Location.Text}", now);

    private static AssetEvent Event(long assetId, AssetEventKind kind, string text, DateTime now) =>
        new() { AssetId = assetId, At = now, Kind = kind, Text = text };
}
