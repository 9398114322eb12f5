namespace Xinke.Modules.Assets.Register;

/// <summary>What other modules learn of an asset of the register.</summary>
public sealed record AssetSummary(
    long Id,
    string Tag,
    string TypeCode,
    string Name,
    AssetStatus Status,
    long OwningDepartmentId,
    long? ResponsiblePersonId,
    string Location,
    bool IsKeyDevice,
    bool HoldsData);
