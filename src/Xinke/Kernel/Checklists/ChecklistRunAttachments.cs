using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Checklists;

/// <summary>
/// Photos and scans of a checklist run: seen by whoever may see the run, added by whoever may
/// perform runs while it is still in progress (a completed run's record is closed).
/// </summary>
public sealed class ChecklistRunAttachments(ChecklistService checklists, XinkeDb db) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "checklist-run";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        checklists.CanReachRunAsync(ownerId, ChecklistPermissions.Read, cancellationToken);

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(ChecklistPermissions.Run)
            && await checklists.CanReachRunAsync(ownerId, ChecklistPermissions.Run, cancellationToken)
            && await db.Set<ChecklistRun>().AnyAsync(r => r.Id == ownerId && r.State == ChecklistRunState.InProgress, cancellationToken);
    }
}
