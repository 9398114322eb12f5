namespace Xinke.Modules.Assets.Stocktakes;

/// <summary>The location counted, as a prefix: a campus, then optionally its building, floor and room.</summary>
public sealed record StocktakeInput(string? Campus, string? Building, string? Floor, string? Room);

/// <summary>A tag scanned or typed at the location.</summary>
public sealed record ScanInput(string? Tag);
