using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Staff.Agreements;

/// <summary>
/// Scans of signed agreements, attached to the person who signed: seen by agreement readers whose
/// scope reaches the person, uploaded by agreement writers whose scope reaches them.
/// </summary>
public sealed class AgreementScanAttachments(StaffScope staffScope) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "agreement-scan";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(StaffPermissions.AgreementsRead) && await staffScope.ReachablePersonAsync(ownerId, StaffPermissions.AgreementsRead, cancellationToken) is not null;
    }

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(StaffPermissions.AgreementsWrite) && await staffScope.ReachablePersonAsync(ownerId, StaffPermissions.AgreementsWrite, cancellationToken) is not null;
    }
}
