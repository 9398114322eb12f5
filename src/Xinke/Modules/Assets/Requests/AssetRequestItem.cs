namespace Xinke.Modules.Assets.Requests;

/// <summary>One device IT handed out on a request: which asset, by whom and when.</summary>
public sealed class AssetRequestItem
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public long AssetId { get; set; }

    public long FulfilledById { get; set; }

    public DateTime FulfilledAt { get; set; }
}
