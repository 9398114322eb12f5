namespace Xinke.Modules.Assets.Register;

/// <summary>Where an asset stands in its life; the allowed moves between them are <see cref="AssetStatusTransitions"/>.</summary>
public enum AssetStatus
{
    InStock,
    InUse,
    OnLoan,
    UnderRepair,
    AwaitingScrapping,
    Scrapped,
}
