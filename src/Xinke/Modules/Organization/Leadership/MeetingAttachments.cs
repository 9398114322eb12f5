using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// Files of a meeting's minutes (the signed minutes, slides): seen by whoever reads the group's
/// records, added by its clerks until the minutes are published, since published minutes never change.
/// </summary>
public sealed class MeetingAttachments(XinkeDb db) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "leadership-meeting";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(LeadershipPermissions.Read) && await db.Set<LeadershipMeeting>().AnyAsync(m => m.Id == ownerId, cancellationToken);
    }

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(LeadershipPermissions.Write) && await db.Set<LeadershipMeeting>().AnyAsync(m => m.Id == ownerId && m.Status == MeetingStatus.Draft, cancellationToken);
    }
}
