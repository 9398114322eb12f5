using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>
/// The material of a self-inspection (the signed report, the minutes): seen by whoever sees the
/// inspection, attached by inspectors until it is recorded, since a recorded inspection is evidence.
/// </summary>
public sealed class SelfInspectionAttachments(SelfInspections inspections) : IAttachmentOwnerPolicy
{
    string IAttachmentOwnerPolicy.OwnerType => SelfInspection.OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(EvidencePermissions.Read) && await inspections.FindAsync(ownerId, cancellationToken) is not null;
    }

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(EvidencePermissions.Inspect) && await inspections.FindAsync(ownerId, cancellationToken) is { IsRecorded: false };
    }
}
