namespace Xinke.Modules.Assets.Register;

public static class AssetErrors
{
    public const string NotFound = "asset.not_found";
    public const string TagTaken = "asset.tag_taken";
    public const string InvalidTag = "asset.invalid_tag";
    public const string UnknownType = "asset.unknown_type";
    public const string InvalidText = "asset.invalid_text";
    public const string InvalidMac = "asset.invalid_mac";
    public const string InvalidHostname = "asset.invalid_hostname";
    public const string InvalidPrice = "asset.invalid_price";
    public const string WarrantyBeforePurchase = "asset.warranty_before_purchase";
    public const string InvalidLocation = "asset.invalid_location";
    public const string UnknownDepartment = "asset.unknown_department";
    public const string UnknownPerson = "asset.unknown_person";
    public const string DesignatedLocationRequired = "asset.designated_location_required";
    public const string InvalidStatus = "asset.invalid_status";
    public const string StatusRefused = "asset.status_refused";
    public const string Scrapped = "asset.scrapped";
    public const string InvalidNote = "asset.invalid_note";

    /// <summary>Key devices stand at designated places and are not changed without authorisation.</summary>
    public const string KeyDeviceRequirement = "EQ-01";

    /// <summary>Every workstation and networked device has a named responsible person.</summary>
    public const string ResponsiblePersonRequirement = "ORG-05";
}
