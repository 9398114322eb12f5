namespace Xinke.Modules.Assets.Repairs;

/// <summary>A repair as recorded or edited: the fault, who repairs (<c>inHouse</c> or <c>vendor</c> with its engineer), parts, cost and when.</summary>
public sealed record RepairInput(
    long? AssetId, string? Fault, string? Kind, string? VendorName, string? VendorEngineer, IReadOnlyList<string>? Parts, decimal? Cost, DateTimeOffset? StartedAt, string? Notes);

/// <summary>Ending a repair: when, and the final cost when known only now.</summary>
public sealed record RepairFinishInput(DateTimeOffset? FinishedAt, decimal? Cost, string? Notes);
