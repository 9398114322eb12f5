namespace Xinke.Modules.Assets.Hosting;

/// <summary>
/// An asset (a server, a storage array, a switch…) hosts an information system of the Systems
/// register: which hardware a system stands on, and which systems a device's fault or scrapping touches.
/// </summary>
public sealed class AssetSystem
{
    public long AssetId { get; set; }

    /// <summary>The system, named by the Systems module's id; validated through its public service.</summary>
    public long SystemId { get; set; }
}
