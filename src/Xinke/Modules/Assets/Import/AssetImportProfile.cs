using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Import;

/// <summary>
/// Imports an existing inventory (设备清单): one row per device, the type by code or name, the department
/// by name, the responsible person by employee number. Names resolve in a few set queries for the whole
/// file (no query per row), the rows are checked by the same rules as a form, and the accepted assets are
/// written in chunks inside the importer's one transaction, each with its registration on the timeline.
/// A row without a tag is given one from the register's counter.
/// </summary>
public sealed class AssetImportProfile(XinkeDb db, DepartmentScope scope, HumanCodes codes, TimeProvider clock, CurrentCaller current, PeopleDirectory directory) : IImportProfile<AssetImportLine>
{
    public const string UnknownTypeCode = "asset.import.unknown_type";
    public const string UnknownDepartmentCode = "asset.import.unknown_department";
    public const string AmbiguousDepartmentCode = "asset.import.ambiguous_department";
    public const string UnknownPersonCode = "asset.import.unknown_person";
    public const string InvalidNumberCode = "asset.import.invalid_number";
    private const int Chunk = 1_000;

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = true,
        ["否"] = false,
        ["yes"] = true,
        ["no"] = false,
        ["true"] = true,
        ["false"] = false,
        ["1"] = true,
        ["0"] = false,
        ["Y"] = true,
        ["N"] = false,
    };

    private static readonly Dictionary<string, AssetStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["在库"] = AssetStatus.InStock,
        ["InStock"] = AssetStatus.InStock,
        ["In stock"] = AssetStatus.InStock,
        ["在用"] = AssetStatus.InUse,
        ["InUse"] = AssetStatus.InUse,
        ["In use"] = AssetStatus.InUse,
        ["借出"] = AssetStatus.OnLoan,
        ["OnLoan"] = AssetStatus.OnLoan,
        ["On loan"] = AssetStatus.OnLoan,
        ["维修中"] = AssetStatus.UnderRepair,
        ["UnderRepair"] = AssetStatus.UnderRepair,
        ["Under repair"] = AssetStatus.UnderRepair,
        ["待报废"] = AssetStatus.AwaitingScrapping,
        ["AwaitingScrapping"] = AssetStatus.AwaitingScrapping,
        ["Awaiting scrapping"] = AssetStatus.AwaitingScrapping,
    };

    string IImportProfile<AssetImportLine>.Name => "assets";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("tag", false, "资产编号", "Asset tag"),
        new("type", true, "设备类型", "Type"),
        new("make", false, "品牌", "Make"),
        new("model", false, "型号", "Model"),
        new("serial", false, "序列号", "Serial number"),
        new("supplier", false, "供应商", "Supplier"),
        new("purchaseDate", false, "采购日期", "Purchase date"),
        new("purchasePrice", false, "采购价格", "Purchase price"),
        new("warrantyEnd", false, "保修截止", "Warranty end"),
        new("contractReference", false, "合同编号", "Contract reference"),
        new("campus", false, "院区", "Campus"),
        new("building", false, "楼宇", "Building"),
        new("floor", false, "楼层", "Floor"),
        new("room", false, "房间", "Room"),
        new("rack", false, "机柜", "Rack"),
        new("rackUnit", false, "U位", "Rack unit"),
        new("department", true, "所属科室", "Owning department"),
        new("responsible", false, "责任人工号", "Responsible person (employee number)"),
        new("status", false, "状态", "Status"),
        new("keyDevice", false, "关键设备", "Key device"),
        new("designatedLocation", false, "指定位置", "Designated location"),
        new("holdsData", false, "存储数据", "Holds data"),
        new("hostname", false, "主机名", "Hostname"),
        new("macAddress", false, "MAC 地址", "MAC address"),
        new("notes", false, "备注", "Notes"),
    ];

    public AssetImportLine? Parse(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var tag = row.Text("tag", Asset.TagMaxLength);
        var normalizedTag = tag is null ? null : AssetService.NormalizeTag(tag);
        if (tag is not null && normalizedTag is null)
        {
            row.Reject("tag", AssetErrors.InvalidTag, Asset.TagMaxLength);
        }

        var type = row.Text("type", AssetType.NameMaxLength, required: true);
        var department = row.Text("department", Department.NameMaxLength, required: true);
        var responsible = row.Text("responsible", Person.EmployeeNumberMaxLength);
        var price = row.Text("purchasePrice", 32);
        decimal? purchasePrice = null;
        if (price is not null)
        {
            if (decimal.TryParse(price.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('¥', '￥'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                purchasePrice = parsed;
            }
            else
            {
                row.Reject("purchasePrice", InvalidNumberCode, price);
            }
        }

        var input = new AssetInput
        {
            Make = row.Text("make", Asset.TextMaxLength),
            Model = row.Text("model", Asset.TextMaxLength),
            Serial = row.Text("serial", Asset.TextMaxLength),
            Supplier = row.Text("supplier", Asset.TextMaxLength),
            PurchaseDate = row.Date("purchaseDate"),
            PurchasePrice = purchasePrice,
            WarrantyEnd = row.Date("warrantyEnd"),
            ContractReference = row.Text("contractReference", Asset.ContractMaxLength),
            Campus = row.Text("campus", AssetLocation.PartMaxLength),
            Building = row.Text("building", AssetLocation.PartMaxLength),
            Floor = row.Text("floor", AssetLocation.PartMaxLength),
            Room = row.Text("room", AssetLocation.PartMaxLength),
            Rack = row.Text("rack", AssetLocation.PartMaxLength),
            RackUnit = row.Text("rackUnit", AssetLocation.RackUnitMaxLength),
            IsKeyDevice = row.Choice("keyDevice", YesNo),
            DesignatedLocation = row.Text("designatedLocation", Asset.DesignatedLocationMaxLength),
            HoldsData = row.Choice("holdsData", YesNo),
            Hostname = row.Text("hostname", Asset.HostnameMaxLength),
            MacAddress = row.Text("macAddress", 32),
            Notes = row.Text("notes", Asset.NotesMaxLength),
        };
        var status = row.Choice("status", Statuses) ?? AssetStatus.InUse;
        return row.HasProblems ? null : new AssetImportLine(normalizedTag, type!, department!, responsible, status, input);
    }

    public async Task CheckAsync(IReadOnlyList<(ImportRow Row, AssetImportLine Record)> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var types = await db.Set<AssetType>().AsNoTracking().Where(t => t.Active).ToListAsync(cancellationToken);
        var typeByName = new Dictionary<string, AssetType>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            typeByName.TryAdd(type.Code, type);
            typeByName.TryAdd(type.NameZh, type);
            typeByName.TryAdd(type.NameEn, type);
        }

        var reachable = await scope.DepartmentsAsync(AssetsPermissions.Import, cancellationToken);
        var departments = (await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            .Where(d => reachable is null || reachable.Contains(d.Id))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList(), StringComparer.Ordinal);
        var people = await directory.IdsByEmployeeNumberAsync(rows.Select(r => r.Record.ResponsibleNumber).OfType<string>().Distinct().ToList(), cancellationToken);
        var tags = rows.Select(r => r.Record.Tag).OfType<string>().Distinct().ToList();
        var taken = (await LookupAsync(tags, chunk => db.Set<Asset>().Where(a => chunk.Contains(a.Tag)).Select(a => new KeyValuePair<string, long>(a.Tag, a.Id)), cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var firstRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, line) in rows)
        {
            if (line.Tag is { } tag)
            {
                if (firstRows.TryGetValue(tag, out var first))
                {
                    row.Reject("tag", ImportErrors.DuplicateInFile, first);
                }
                else
                {
                    firstRows[tag] = row.Number;
                    if (taken.Contains(tag))
                    {
                        row.Reject("tag", AssetErrors.TagTaken, tag);
                    }
                }
            }

            if (!typeByName.TryGetValue(line.TypeName, out var type))
            {
                row.Reject("type", UnknownTypeCode, line.TypeName);
                continue;
            }

            if (!departments.TryGetValue(line.DepartmentName, out var ids))
            {
                row.Reject("department", UnknownDepartmentCode, line.DepartmentName);
                continue;
            }

            if (ids.Count > 1)
            {
                row.Reject("department", AmbiguousDepartmentCode, line.DepartmentName);
                continue;
            }

            long? person = null;
            if (line.ResponsibleNumber is { } number)
            {
                if (!people.TryGetValue(number, out var id))
                {
                    row.Reject("responsible", UnknownPersonCode, number);
                    continue;
                }

                person = id;
            }

            var asset = new Asset { Tag = line.Tag ?? string.Empty, Status = line.Status, CreatedAt = now, UpdatedAt = now };
            var input = line.Input with { TypeId = type.Id, OwningDepartmentId = ids[0], ResponsiblePersonId = person, IsKeyDevice = line.Input.IsKeyDevice ?? type.KeyDeviceByDefault };
            if (asset.Apply(input) is { } invalid)
            {
                row.Reject(ColumnOf(invalid.Field), invalid.Code, invalid.Arguments);
                continue;
            }

            line.Asset = asset;
        }
    }

    public async Task SaveAsync(IReadOnlyList<AssetImportLine> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var actor = (await current.GetAsync(cancellationToken))?.Id;
        var assets = records.Select(r => r.Asset).OfType<Asset>().ToList();
        // One bump of the counter for the whole file: a first inventory leaves every tag to the register.
        var untagged = assets.Where(a => a.Tag.Length == 0).ToList();
        foreach (var (asset, tag) in untagged.Zip(await codes.NextManyAsync(Asset.CodeKind, untagged.Count, cancellationToken)))
        {
            asset.Tag = tag;
        }

        foreach (var chunk in assets.Chunk(Chunk))
        {
            foreach (var asset in chunk)
            {
                asset.CreatedById = actor;
            }

            db.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(chunk.Select(a => new AssetEvent { AssetId = a.Id, At = a.CreatedAt, Kind = AssetEventKind.Registered, Text = $"导入入账：{a.Name}，位置 {(a.Location.IsEmpty ? "（空）" : a.Location.Text)}", ActorAccountId = actor }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Looks keys up in chunks (a parameter list per query stays small), in a handful of queries for the whole file.</summary>
    private static async Task<Dictionary<string, long>> LookupAsync(IReadOnlyList<string> keys, Func<string[], IQueryable<KeyValuePair<string, long>>> query, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(1_000))
        {
            foreach (var pair in await query(chunk).ToListAsync(cancellationToken))
            {
                found[pair.Key] = pair.Value;
            }
        }

        return found;
    }

    private static string ColumnOf(string? field) => field switch
    {
        "typeId" => "type",
        "owningDepartmentId" => "department",
        "responsiblePersonId" => "responsible",
        null => "tag",
        _ => field,
    };
}

/// <summary>One accepted row of an inventory file: what it names, and the asset it becomes once the names resolve.</summary>
public sealed record AssetImportLine(string? Tag, string TypeName, string DepartmentName, string? ResponsibleNumber, AssetStatus Status, AssetInput Input)
{
    public Asset? Asset { get; set; }
}
