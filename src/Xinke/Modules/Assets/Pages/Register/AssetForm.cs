using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>The register's fields as the create and edit forms post them; the responsible person is named by employee number.</summary>
public sealed class AssetForm
{
    public string? Tag { get; set; }

    public long? TypeId { get; set; }

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

    public long? OwningDepartmentId { get; set; }

    public string? ResponsibleEmployeeNumber { get; set; }

    public string? Status { get; set; }

    public bool IsKeyDevice { get; set; }

    public string? DesignatedLocation { get; set; }

    public bool HoldsData { get; set; }

    public string? Hostname { get; set; }

    public string? MacAddress { get; set; }

    public string? Notes { get; set; }

    public static AssetForm From(Asset asset, string? responsibleEmployeeNumber)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new AssetForm
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
            ResponsibleEmployeeNumber = responsibleEmployeeNumber,
            Status = asset.Status.ToString(),
            IsKeyDevice = asset.IsKeyDevice,
            DesignatedLocation = asset.DesignatedLocation,
            HoldsData = asset.HoldsData,
            Hostname = asset.Hostname,
            MacAddress = asset.MacAddress,
            Notes = asset.Notes,
        };
    }

    public AssetInput ToInput(long? responsiblePersonId) => new()
    {
        Tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag,
        TypeId = TypeId,
        Make = Make,
        Model = Model,
        Serial = Serial,
        Supplier = Supplier,
        PurchaseDate = PurchaseDate,
        PurchasePrice = PurchasePrice,
        WarrantyEnd = WarrantyEnd,
        ContractReference = ContractReference,
        Campus = Campus,
        Building = Building,
        Floor = Floor,
        Room = Room,
        Rack = Rack,
        RackUnit = RackUnit,
        OwningDepartmentId = OwningDepartmentId,
        ResponsiblePersonId = responsiblePersonId,
        Status = string.IsNullOrWhiteSpace(Status) ? null : Status,
        IsKeyDevice = IsKeyDevice,
        DesignatedLocation = DesignatedLocation,
        HoldsData = HoldsData,
        Hostname = Hostname,
        MacAddress = MacAddress,
        Notes = Notes,
    };
}
