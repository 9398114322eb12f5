namespace Xinke.Modules.Assets.Repairs;

/// <summary>Who repairs: the IT department's own technicians, or a vendor's engineer.</summary>
public enum RepairKind
{
    InHouse,
    Vendor,
}
