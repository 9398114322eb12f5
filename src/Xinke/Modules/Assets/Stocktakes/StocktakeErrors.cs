namespace Xinke.Modules.Assets.Stocktakes;

public static class StocktakeErrors
{
    public const string NotFound = "stocktake.not_found";
    public const string InvalidLocation = "stocktake.invalid_location";
    public const string UnknownTag = "stocktake.unknown_tag";
    public const string Finished = "stocktake.finished";
}
