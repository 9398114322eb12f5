namespace Xinke.Modules.Assets.Scrapping;

/// <summary>Settings under <c>Xinke:Assets</c> for scrapping.</summary>
public sealed class ScrappingOptions
{
    public const string Section = "Xinke:Assets";

    /// <summary>Above this purchase price (CNY) hospital leadership approves a scrapping after the IT director.</summary>
    public decimal ScrapLeadershipThreshold { get; set; } = 50_000m;
}
