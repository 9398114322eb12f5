namespace Xinke.Modules.Assets.Hosting;

public static class AssetHostingErrors
{
    /// <summary>The list of systems is missing or too long.</summary>
    public const string InvalidSystems = "asset.hosting.invalid_systems";

    /// <summary>A system id names no system of the register.</summary>
    public const string UnknownSystem = "asset.hosting.unknown_system";
}
