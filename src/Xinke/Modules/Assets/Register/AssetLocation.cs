namespace Xinke.Modules.Assets.Register;

/// <summary>Where an asset stands: campus / building / floor / room, and for rack-mounted devices the rack and its units.</summary>
public sealed record AssetLocation(string? Campus, string? Building, string? Floor, string? Room, string? Rack, string? RackUnit)
{
    public const int PartMaxLength = 64;
    public const int RackUnitMaxLength = 16;

    public static AssetLocation Empty { get; } = new(null, null, null, null, null, null);

    public bool IsEmpty => Parts().All(p => p is null);

    /// <summary>The location as one line: 本院区 / 1号楼 / 3F / 机房301 / A01 / U12.</summary>
    public string Text => string.Join(" / ", Parts().OfType<string>());

    /// <summary>Blank parts become null and the rest is trimmed, so two spellings of one place compare equal.</summary>
    public AssetLocation Normalized() => new(Clean(Campus), Clean(Building), Clean(Floor), Clean(Room), Clean(Rack), Clean(RackUnit));

    /// <summary>The field naming the first part that is too long, if any.</summary>
    public string? TooLongField() =>
        Campus?.Length > PartMaxLength ? "campus"
        : Building?.Length > PartMaxLength ? "building"
        : Floor?.Length > PartMaxLength ? "floor"
        : Room?.Length > PartMaxLength ? "room"
        : Rack?.Length > PartMaxLength ? "rack"
        : RackUnit?.Length > RackUnitMaxLength ? "rackUnit"
        : null;

    private IEnumerable<string?> Parts() => [Campus, Building, Floor, Room, Rack, RackUnit];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
