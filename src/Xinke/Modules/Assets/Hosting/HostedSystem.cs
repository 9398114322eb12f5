namespace Xinke.Modules.Assets.Hosting;

/// <summary>A system an asset hosts, as the asset's page and API show it.</summary>
public sealed record HostedSystem(long Id, string Code, string Name);

/// <summary>An asset hosting a system, as the system's page shows it.</summary>
public sealed record AssetHost(long Id, string Tag, string Name, string Status);

/// <summary>The systems an asset hosts, replacing the list it had.</summary>
public sealed record AssetSystemsInput(IReadOnlyList<long>? SystemIds);
