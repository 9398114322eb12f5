namespace Xinke.Modules.Assets.History;

/// <summary>What happened to an asset; each part of the module writes its own kind.</summary>
public enum AssetEventKind
{
    Registered,
    Edited,
    Moved,
    Assigned,
    StatusChanged,
    Maintenance,
    Repair,
    Loan,
    Return,
    Reservation,
    Appraisal,
    Scrapping,
    Stocktake,
    Note,
    Hosting,
}
