using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Files;

/// <summary>What the caller of this request may do with the attachments of a record, by the owner type's policy.</summary>
public sealed class AttachmentOwners(IEnumerable<IAttachmentOwnerPolicy> policies, CurrentCaller current)
{
    private readonly Dictionary<string, IAttachmentOwnerPolicy> byType = policies.ToDictionary(p => p.OwnerType, StringComparer.Ordinal);

    public bool Knows(string? ownerType) => ownerType is not null && byType.ContainsKey(ownerType);

    public async Task<AttachmentAccess> AccessAsync(string? ownerType, long ownerId, CancellationToken cancellationToken)
    {
        if (ownerType is null || !byType.TryGetValue(ownerType, out var policy) || await current.GetAsync(cancellationToken) is not { } caller)
        {
            return AttachmentAccess.None;
        }

        if (!await policy.CanReadAsync(caller, ownerId, cancellationToken))
        {
            return AttachmentAccess.None;
        }

        return await policy.CanAttachAsync(caller, ownerId, cancellationToken) ? AttachmentAccess.Attach : AttachmentAccess.Read;
    }
}

public enum AttachmentAccess
{
    /// <summary>Not even the record's existence is shown.</summary>
    None,
    Read,
    Attach,
}
