using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Files;

/// <summary>
/// A module's say over the attachments of one kind of its records: who may see them (whoever may
/// see the record) and who may attach to it. Registered with
/// <see cref="FilesServices.AddAttachmentOwner{TPolicy}"/>; an owner type without a policy has no
/// attachments that anyone can reach.
/// </summary>
public interface IAttachmentOwnerPolicy
{
    /// <summary>The owner type this policy answers for (<c>asset</c>, <c>contract</c>, …).</summary>
    string OwnerType { get; }

    /// <summary>Whether the caller may see the record, and so its attachments. False answers 404, never 403.</summary>
    Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken);

    /// <summary>Whether the caller may add (or void) attachments of a record they can see.</summary>
    Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken);
}
