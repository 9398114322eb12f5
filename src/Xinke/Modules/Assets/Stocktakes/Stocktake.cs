using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Assets.Stocktakes;

/// <summary>
/// A stocktake of one location (盘点): the assets the register expects there are snapshotted when it
/// starts, each scanned or ticked tag marks one found (or unexpected, when the register puts it
/// elsewhere), and finishing keeps the report. A finished stocktake is never changed.
/// </summary>
public sealed class Stocktake : IVersioned
{
    public const string CodeKind = "PD";

    public long Id { get; set; }

    public required string Code { get; set; }

    public string? Campus { get; set; }

    public string? Building { get; set; }

    public string? Floor { get; set; }

    public string? Room { get; set; }

    public DateTime StartedAt { get; set; }

    public long StartedById { get; set; }

    public DateTime? FinishedAt { get; set; }

    public long? FinishedById { get; set; }

    public int ExpectedCount { get; set; }

    public int FoundCount { get; set; }

    public int MissingCount { get; set; }

    public int UnexpectedCount { get; set; }

    public long Version { get; set; }

    public List<StocktakeLine> Lines { get; set; } = [];

    public bool IsFinished => FinishedAt is not null;

    /// <summary>The location counted, as one line: 本院区 / 门诊楼 / 3F.</summary>
    public string LocationText => string.Join(" / ", new[] { Campus, Building, Floor, Room }.OfType<string>());

    /// <summary>Marks the asset found: expected ones are ticked, any other is added as unexpected; a second scan changes nothing.</summary>
    public Result<StocktakeLine> Scan(long assetId, string tag, long scannerId, DateTime now)
    {
        if (IsFinished)
        {
            return Error.Conflict(StocktakeErrors.Finished);
        }

        var line = Lines.SingleOrDefault(l => l.AssetId == assetId);
        if (line is null)
        {
            line = new StocktakeLine { AssetId = assetId, Tag = tag, Expected = false };
            Lines.Add(line);
        }

        if (!line.Found)
        {
            line.Found = true;
            line.ScannedAt = now;
            line.ScannedById = scannerId;
        }

        return line;
    }

    /// <summary>Closes the count and keeps its figures; finishing twice is refused.</summary>
    public Error? Finish(long finisherId, DateTime now)
    {
        if (IsFinished)
        {
            return Error.Conflict(StocktakeErrors.Finished);
        }

        FinishedAt = now;
        FinishedById = finisherId;
        ExpectedCount = Lines.Count(l => l.Expected);
        FoundCount = Lines.Count(l => l.Expected && l.Found);
        MissingCount = Lines.Count(l => l.Expected && !l.Found);
        UnexpectedCount = Lines.Count(l => !l.Expected);
        return null;
    }
}

/// <summary>One asset of a stocktake: expected at the location (snapshot at start) or found there unexpectedly.</summary>
public sealed class StocktakeLine
{
    public long Id { get; set; }

    public long StocktakeId { get; set; }

    public long AssetId { get; set; }

    /// <summary>The tag as it was when the line was made, so the report reads the same later.</summary>
    public required string Tag { get; set; }

    public bool Expected { get; set; }

    public bool Found { get; set; }

    public DateTime? ScannedAt { get; set; }

    public long? ScannedById { get; set; }
}
