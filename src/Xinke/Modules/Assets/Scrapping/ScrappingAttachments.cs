using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>Papers of a scrapping (the data-destruction certificate): seen by whoever reads the asset, added by the register's keepers while it is open.</summary>
public sealed class ScrappingAttachments(XinkeDb db, AssetRegister register) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "asset-scrapping";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        var assets = await register.VisibleAsync(AssetsPermissions.Read, cancellationToken);
        return await db.Set<AssetScrapping>().AnyAsync(s => s.Id == ownerId && assets.Any(asset => asset.Id == s.AssetId), cancellationToken);
    }

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(AssetsPermissions.Write)
            && await db.Set<AssetScrapping>().AnyAsync(s => s.Id == ownerId && (s.Status == ScrappingStatus.PendingApproval || s.Status == ScrappingStatus.Approved), cancellationToken);
    }
}
