using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Improvements;

/// <summary>Evidence files of an improvement action: seen by whoever may see the action, added by its owner until it closes.</summary>
public sealed class ImprovementAttachments(ImprovementActions actions) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "improvement";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        await (await actions.VisibleAsync(ImprovementPermissions.Read, cancellationToken)).AnyAsync(a => a.Id == ownerId, cancellationToken);

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await (await actions.VisibleAsync(ImprovementPermissions.Read, cancellationToken)).AnyAsync(
            a => a.Id == ownerId && a.OwnerId == caller.Id && a.Status != ImprovementStatus.Verified && a.Status != ImprovementStatus.Cancelled,
            cancellationToken);
    }
}
