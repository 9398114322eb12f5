namespace Xinke.Modules.Assets.Labels;

/// <summary>
/// Lays labels out on sheets: the first sheet starts at a chosen position (1 = top left, counting
/// across then down) so a sheet partly used before is printed on again; the positions before it
/// stay blank.
/// </summary>
public static class LabelSheets
{
    /// <summary>Pages of cells, each cell a label or null (a position skipped).</summary>
    public static IReadOnlyList<IReadOnlyList<AssetLabel?>> Layout(IReadOnlyList<AssetLabel> labels, LabelPreset preset, int start)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentOutOfRangeException.ThrowIfLessThan(start, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, preset.PerSheet);
        var cells = Enumerable.Repeat<AssetLabel?>(null, start - 1).Concat(labels).ToList();
        return [.. cells.Chunk(preset.PerSheet).Select(page => (IReadOnlyList<AssetLabel?>)page)];
    }
}

/// <summary>What one label shows: the tag, the device's name and type, its department, and the QR code's link.</summary>
public sealed record AssetLabel(string Tag, string Name, string Type, string Department, string ScanUrl);
