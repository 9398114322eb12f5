namespace Xinke.Modules.Assets.Register;

/// <summary>
/// The moves an asset's status may make. Loans go out of the store and come back to it (or to a
/// repair when returned damaged); a repair ends in the store, back in use or in scrapping; a
/// scrapping that is not approved returns the asset to the store or to use; scrapped is final.
/// </summary>
public static class AssetStatusTransitions
{
    private static readonly Dictionary<AssetStatus, AssetStatus[]> Allowed = new()
    {
        [AssetStatus.InStock] = [AssetStatus.InUse, AssetStatus.OnLoan, AssetStatus.UnderRepair, AssetStatus.AwaitingScrapping],
        [AssetStatus.InUse] = [AssetStatus.InStock, AssetStatus.UnderRepair, AssetStatus.AwaitingScrapping],
        [AssetStatus.OnLoan] = [AssetStatus.InStock, AssetStatus.UnderRepair],
        [AssetStatus.UnderRepair] = [AssetStatus.InStock, AssetStatus.InUse, AssetStatus.AwaitingScrapping],
        [AssetStatus.AwaitingScrapping] = [AssetStatus.Scrapped, AssetStatus.InStock, AssetStatus.InUse],
        [AssetStatus.Scrapped] = [],
    };

    public static bool IsAllowed(AssetStatus from, AssetStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<AssetStatus> From(AssetStatus from) => Allowed[from];
}
