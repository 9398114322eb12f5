using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>Photos of an appraisal: seen by whoever reads the asset, added by the appraiser alone.</summary>
public sealed class AppraisalAttachments(XinkeDb db, AssetRegister register) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "asset-appraisal";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        var assets = await register.VisibleAsync(AssetsPermissions.Read, cancellationToken);
        return await db.Set<AssetAppraisal>().AnyAsync(a => a.Id == ownerId && assets.Any(asset => asset.Id == a.AssetId), cancellationToken);
    }

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(AssetsPermissions.Appraise)
            && await db.Set<AssetAppraisal>().AnyAsync(a => a.Id == ownerId && a.AppraiserId == caller.Id, cancellationToken);
    }
}
