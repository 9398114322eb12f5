using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Evidence.Documents;

/// <summary>A document's revisions: seen by whoever sees the document, added by those who keep documents.</summary>
public sealed class EvidenceDocumentAttachments(EvidenceDocuments documents) : IAttachmentOwnerPolicy
{
    string IAttachmentOwnerPolicy.OwnerType => EvidenceDocument.OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(EvidencePermissions.Read) && await documents.FindAsync(ownerId, cancellationToken) is not null;
    }

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(EvidencePermissions.Documents) && await documents.FindAsync(ownerId, cancellationToken) is not null;
    }
}
