namespace Xinke.Modules.Assets.Register;

/// <summary>Type codes and department names by id, as an asset's record shows them.</summary>
public sealed record AssetNames(IReadOnlyDictionary<long, string> Types, IReadOnlyDictionary<long, string> Departments);
