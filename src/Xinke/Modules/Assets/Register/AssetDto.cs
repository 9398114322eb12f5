namespace Xinke.Modules.Assets.Register;

/// <summary>An asset as the API returns it.</summary>
public sealed record AssetDto(
    long Id,
    string Tag,
    long TypeId,
    string? TypeCode,
    string? Make,
    string? Model,
    string? Serial,
    string? Supplier,
    DateOnly? PurchaseDate,
    decimal? PurchasePrice,
    DateOnly? WarrantyEnd,
    string? ContractReference,
    string? Campus,
    string? Building,
    string? Floor,
    string? Room,
    string? Rack,
    string? RackUnit,
    string Location,
    long OwningDepartmentId,
    string? OwningDepartment,
    long? ResponsiblePersonId,
    string Status,
    bool IsKeyDevice,
    string? DesignatedLocation,
    bool StandsAtDesignatedLocation,
    bool HoldsData,
    string? Hostname,
    string? MacAddress,
    string? Notes,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    public static AssetDto From(Asset asset, IReadOnlyDictionary<long, string> typeCodes, IReadOnlyDictionary<long, string> departments)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(typeCodes);
        ArgumentNullException.ThrowIfNull(departments);
        return new(
            asset.Id, asset.Tag, asset.TypeId, typeCodes.GetValueOrDefault(asset.TypeId), asset.Make, asset.Model, asset.Serial, asset.Supplier,
            asset.PurchaseDate, asset.PurchasePrice, asset.WarrantyEnd, asset.ContractReference,
            asset.Campus, asset.Building, asset.Floor, asset.Room, asset.Rack, asset.RackUnit, asset.Location.Text,
            asset.OwningDepartmentId, departments.GetValueOrDefault(asset.OwningDepartmentId), asset.ResponsiblePersonId, asset.Status.ToString(),
            asset.IsKeyDevice, asset.DesignatedLocation, asset.StandsAtDesignatedLocation, asset.HoldsData, asset.Hostname, asset.MacAddress, asset.Notes,
            asset.CreatedAt, asset.UpdatedAt, asset.Version);
    }
}
