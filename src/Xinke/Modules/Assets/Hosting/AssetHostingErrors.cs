namespace Xinke.Modules.Assets.Hosting;

public static class AssetHostingErrors
{
    /// <summary>The list of systems is missing or too long.</summary>
    public const string InvalidSystems = "asset.hosting.invalid_systems";

    /// <summary>A system id names no system of the register.</summary>
    public const string UnknownSystem = "asset.hosting.unknown_system";

    /// <summary>A retired system runs nowhere any more: no asset is linked as newly hosting it.</summary>
    public const string RetiredSystem = "asset.hosting.retired_system";
}
