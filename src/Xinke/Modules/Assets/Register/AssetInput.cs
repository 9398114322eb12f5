using System.Text.Json.Serialization;

namespace Xinke.Modules.Assets.Register;

/// <summary>The fields of an asset as a form, an API body or an import row gives them; all optional so each is checked by the entity.</summary>
public sealed record AssetInput
{
    public string? Tag { get; init; }

    public long? TypeId { get; init; }

    public string? Make { get; init; }

    public string? Model { get; init; }

    public string? Serial { get; init; }

    public string? Supplier { get; init; }

    public DateOnly? PurchaseDate { get; init; }

    public decimal? PurchasePrice { get; init; }

    public DateOnly? WarrantyEnd { get; init; }

    public string? ContractReference { get; init; }

    public string? Campus { get; init; }

    public string? Building { get; init; }

    public string? Floor { get; init; }

    public string? Room { get; init; }

    public string? Rack { get; init; }

    public string? RackUnit { get; init; }

    public long? OwningDepartmentId { get; init; }

    public long? ResponsiblePersonId { get; init; }

    /// <summary>At creation any status but scrapped (an imported inventory); on edit only between in stock and in use.</summary>
    public string? Status { get; init; }

    public bool? IsKeyDevice { get; init; }

    public string? DesignatedLocation { get; init; }

    public bool? HoldsData { get; init; }

    public string? Hostname { get; init; }

    public string? MacAddress { get; init; }

    public string? Notes { get; init; }

    [JsonIgnore]
    public AssetLocation Location => new(Campus, Building, Floor, Room, Rack, RackUnit);

    public static AssetInput From(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new AssetInput
        {
            Tag = asset.Tag,
            TypeId = asset.TypeId,
            Make = asset.Make,
            Model = asset.Model,
            Serial = asset.Serial,
            Supplier = asset.Supplier,
            PurchaseDate = asset.PurchaseDate,
            PurchasePrice = asset.PurchasePrice,
            WarrantyEnd = asset.WarrantyEnd,
            ContractReference = asset.ContractReference,
            Campus = asset.Campus,
            Building = asset.Building,
            Floor = asset.Floor,
            Room = asset.Room,
            Rack = asset.Rack,
            RackUnit = asset.RackUnit,
            OwningDepartmentId = asset.OwningDepartmentId,
            ResponsiblePersonId = asset.ResponsiblePersonId,
            Status = asset.Status.ToString(),
            IsKeyDevice = asset.IsKeyDevice,
            DesignatedLocation = asset.DesignatedLocation,
            HoldsData = asset.HoldsData,
            Hostname = asset.Hostname,
            MacAddress = asset.MacAddress,
            Notes = asset.Notes,
        };
    }
}
