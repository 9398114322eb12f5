using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Assets.Register;

/// <summary>
/// One device of the register (设备台账): what it is, where it stands, who owns it and who answers
/// for it (ORG-05), whether it is a key device with a designated place (EQ-01), and where it is in
/// its life. State changes are methods that refuse what the rules forbid; the services record each
/// one on the asset's timeline in the same transaction.
/// </summary>
public sealed partial class Asset : IVersioned
{
    public const string CodeKind = "ZC";
    public const int TagMaxLength = 32;
    public const int TextMaxLength = 100;
    public const int ContractMaxLength = 64;
    public const int DesignatedLocationMaxLength = 300;
    public const int HostnameMaxLength = 63;
    public const int MacMaxLength = 17;
    public const int NotesMaxLength = 4000;

    /// <summary>A price beyond this is a typing slip, not a device (and keeps the column's precision).</summary>
    public const decimal MaxPrice = 1_000_000_000m;

    public long Id { get; set; }

    /// <summary>The asset tag (资产编号) on the label: a human code <c>ZC-2026-000123</c> or an imported tag; unique.</summary>
    public required string Tag { get; set; }

    public long TypeId { get; set; }

    public string? Make { get; set; }

    public string? Model { get; set; }

    public string? Serial { get; set; }

    public string? Supplier { get; set; }

    public DateOnly? PurchaseDate { get; set; }

    public decimal? PurchasePrice { get; set; }

    public DateOnly? WarrantyEnd { get; set; }

    public string? ContractReference { get; set; }

    public string? Campus { get; set; }

    public string? Building { get; set; }

    public string? Floor { get; set; }

    public string? Room { get; set; }

    public string? Rack { get; set; }

    public string? RackUnit { get; set; }

    public long OwningDepartmentId { get; set; }

    /// <summary>The Organization person who answers for the device (ORG-05); null is a gap, not a rule broken at entry.</summary>
    public long? ResponsiblePersonId { get; set; }

    public AssetStatus Status { get; set; }

    /// <summary>Routers, switches, servers… that stand at designated places and change only with authorisation (EQ-01).</summary>
    public bool IsKeyDevice { get; set; }

    /// <summary>Where a key device must stand, as a location line (see <see cref="AssetLocation.Text"/>).</summary>
    public string? DesignatedLocation { get; set; }

    /// <summary>The device stores data: a return needs a data wipe, a scrapping a destruction record.</summary>
    public bool HoldsData { get; set; }

    public string? Hostname { get; set; }

    /// <summary>Upper-case, colon separated: <c>00:1A:2B:3C:4D:5E</c>.</summary>
    public string? MacAddress { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public AssetLocation Location => new(Campus, Building, Floor, Room, Rack, RackUnit);

    /// <summary>Free to lend, reserve or hand out: in the store.</summary>
    public bool IsAvailable => Status == AssetStatus.InStock;

    public bool IsScrapped => Status == AssetStatus.Scrapped;

    /// <summary>Has a network identity (ORG-05 asks a responsible person of every networked device).</summary>
    public bool HasNetworkIdentity => Hostname is not null || MacAddress is not null;

    /// <summary>A key device that stands where it was designated to (EQ-01).</summary>
    public bool StandsAtDesignatedLocation => !IsKeyDevice || (DesignatedLocation is not null && DesignatedLocation == Location.Text);

    /// <summary>Make and model as one name, for lists and labels.</summary>
    public string Name => string.Join(' ', new[] { Make, Model }.OfType<string>());

    /// <summary>
    /// Takes every field of <paramref name="input"/> after checking the register's rules. The tag,
    /// type, department and person need the database and are checked by <see cref="AssetRegister"/>;
    /// the status moves only through <see cref="SetStatus"/>.
    /// </summary>
    public Error? Apply(AssetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsScrapped)
        {
            return Error.Conflict(AssetErrors.Scrapped);
        }

        if (input.TypeId is not { } typeId)
        {
            return Error.Invalid(AssetErrors.UnknownType, "typeId");
        }

        if (input.OwningDepartmentId is not { } department)
        {
            return Error.Invalid(AssetErrors.UnknownDepartment, "owningDepartmentId");
        }

        foreach (var (field, value, max) in new[]
        {
            ("make", input.Make, TextMaxLength), ("model", input.Model, TextMaxLength), ("serial", input.Serial, TextMaxLength),
            ("supplier", input.Supplier, TextMaxLength), ("contractReference", input.ContractReference, ContractMaxLength),
            ("designatedLocation", input.DesignatedLocation, DesignatedLocationMaxLength), ("notes", input.Notes, NotesMaxLength),
        })
        {
            if (Blank(value)?.Length > max)
            {
                return Error.Invalid(AssetErrors.InvalidText, field, max);
            }
        }

        if (input.PurchasePrice is < 0 or > MaxPrice)
        {
            return Error.Invalid(AssetErrors.InvalidPrice, "purchasePrice");
        }

        if (input.WarrantyEnd is { } warranty && input.PurchaseDate is { } purchase && warranty < purchase)
        {
            return Error.Invalid(AssetErrors.WarrantyBeforePurchase, "warrantyEnd");
        }

        var location = input.Location.Normalized();
        if (location.TooLongField() is { } longField)
        {
            return Error.Invalid(AssetErrors.InvalidLocation, longField, AssetLocation.PartMaxLength);
        }

        var hostname = Blank(input.Hostname);
        if (hostname is not null && (hostname.Length > HostnameMaxLength || !HostnamePattern().IsMatch(hostname)))
        {
            return Error.Invalid(AssetErrors.InvalidHostname, "hostname");
        }

        string? mac = null;
        if (Blank(input.MacAddress) is { } macText && (mac = NormalizeMac(macText)) is null)
        {
            return Error.Invalid(AssetErrors.InvalidMac, "macAddress");
        }

        var keyDevice = input.IsKeyDevice ?? false;
        var designated = Blank(input.DesignatedLocation);
        if (keyDevice && designated is null)
        {
            return new Error(AssetErrors.DesignatedLocationRequired, ErrorKind.Invalid, "designatedLocation", AssetErrors.KeyDeviceRequirement);
        }

        TypeId = typeId;
        Make = Blank(input.Make);
        Model = Blank(input.Model);
        Serial = Blank(input.Serial);
        Supplier = Blank(input.Supplier);
        PurchaseDate = input.PurchaseDate;
        PurchasePrice = input.PurchasePrice;
        WarrantyEnd = input.WarrantyEnd;
        ContractReference = Blank(input.ContractReference);
        SetLocation(location);
        OwningDepartmentId = department;
        ResponsiblePersonId = input.ResponsiblePersonId;
        IsKeyDevice = keyDevice;
        DesignatedLocation = keyDevice ? designated : null;
        HoldsData = input.HoldsData ?? false;
        Hostname = hostname;
        MacAddress = mac;
        Notes = Blank(input.Notes);
        return null;
    }

    /// <summary>
    /// Moves the asset; with <paramref name="designate"/> a key device's designated place moves with
    /// it (an authorised relocation), otherwise a key device leaving its place shows as a gap (EQ-01).
    /// Returns whether anything changed.
    /// </summary>
    public Result<bool> MoveTo(AssetLocation location, bool designate = false)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (IsScrapped)
        {
            return Error.Conflict(AssetErrors.Scrapped);
        }

        var normalized = location.Normalized();
        if (normalized.TooLongField() is { } field)
        {
            return Error.Invalid(AssetErrors.InvalidLocation, field, AssetLocation.PartMaxLength);
        }

        var changed = normalized != Location;
        SetLocation(normalized);
        if (IsKeyDevice && designate && DesignatedLocation != normalized.Text)
        {
            DesignatedLocation = normalized.Text;
            changed = true;
        }

        return changed;
    }

    /// <summary>Hands the asset to a responsible person and an owning department; returns whether anything changed.</summary>
    public Result<bool> AssignTo(long? personId, long departmentId)
    {
        if (IsScrapped)
        {
            return Error.Conflict(AssetErrors.Scrapped);
        }

        var changed = personId != ResponsiblePersonId || departmentId != OwningDepartmentId;
        ResponsiblePersonId = personId;
        OwningDepartmentId = departmentId;
        return changed;
    }

    /// <summary>Moves the status along <see cref="AssetStatusTransitions"/>; anything else is refused (409 <c>asset.status_refused</c>).</summary>
    public Error? SetStatus(AssetStatus next)
    {
        if (next == Status)
        {
            return null;
        }

        if (!AssetStatusTransitions.IsAllowed(Status, next))
        {
            return Error.Conflict(AssetErrors.StatusRefused, null, Status.ToString(), next.ToString());
        }

        Status = next;
        return null;
    }

    /// <summary>Upper-case colon form of a MAC written with colons, hyphens, dots or nothing between; null when it is not one.</summary>
    public static string? NormalizeMac(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var hex = MacSeparators().Replace(text.Trim(), string.Empty);
        if (hex.Length != 12 || !HexPattern().IsMatch(hex) || !MacShape().IsMatch(text.Trim()))
        {
            return null;
        }

        return string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2))).ToUpperInvariant();
    }

    private void SetLocation(AssetLocation location)
    {
        Campus = location.Campus;
        Building = location.Building;
        Floor = location.Floor;
        Room = location.Room;
        Rack = location.Rack;
        RackUnit = location.RackUnit;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex HostnamePattern();

    [GeneratedRegex("[:\\-.]")]
    private static partial Regex MacSeparators();

    [GeneratedRegex("^[0-9A-Fa-f]{12}$")]
    private static partial Regex HexPattern();

    /// <summary>00:1A:2B:3C:4D:5E, 00-1A-…, 001A.2B3C.4D5E or 001A2B3C4D5E.</summary>
    [GeneratedRegex("^([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\2[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$")]
    private static partial Regex MacShape();
}
