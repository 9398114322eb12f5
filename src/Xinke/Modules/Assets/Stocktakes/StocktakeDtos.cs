namespace Xinke.Modules.Assets.Stocktakes;

public sealed record StocktakeDto(
    long Id,
    string Code,
    string? Campus,
    string? Building,
    string? Floor,
    string? Room,
    string Location,
    DateTime StartedAt,
    long StartedById,
    DateTime? FinishedAt,
    long? FinishedById,
    bool Finished,
    long Version)
{
    public static StocktakeDto From(Stocktake s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Code, s.Campus, s.Building, s.Floor, s.Room, s.LocationText, s.StartedAt, s.StartedById, s.FinishedAt, s.FinishedById, s.IsFinished, s.Version);
    }
}

public sealed record StocktakeLineDto(long AssetId, string Tag, bool Expected, bool Found, DateTime? ScannedAt)
{
    public static StocktakeLineDto From(StocktakeLine l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.AssetId, l.Tag, l.Expected, l.Found, l.ScannedAt);
    }
}

/// <summary>
/// The report: counted so far while the stocktake is open, kept figures once finished. Found counts
/// the expected assets found; unexpected ones are listed apart.
/// </summary>
public sealed record StocktakeReport(
    StocktakeDto Stocktake,
    int Expected,
    int Found,
    int Missing,
    int Unexpected,
    IReadOnlyList<StocktakeLineDto> MissingAssets,
    IReadOnlyList<StocktakeLineDto> UnexpectedAssets,
    IReadOnlyList<StocktakeLineDto> FoundAssets)
{
    public static StocktakeReport Of(Stocktake s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var lines = s.Lines.OrderBy(l => l.Tag, StringComparer.Ordinal).ToList();
        var found = lines.Where(l => l.Expected && l.Found).Select(StocktakeLineDto.From).ToList();
        var missing = lines.Where(l => l.Expected && !l.Found).Select(StocktakeLineDto.From).ToList();
        var unexpected = lines.Where(l => !l.Expected).Select(StocktakeLineDto.From).ToList();
        return s.IsFinished
            ? new(StocktakeDto.From(s), s.ExpectedCount, s.FoundCount, s.MissingCount, s.UnexpectedCount, missing, unexpected, found)
            : new(StocktakeDto.From(s), found.Count + missing.Count, found.Count, missing.Count, unexpected.Count, missing, unexpected, found);
    }
}
