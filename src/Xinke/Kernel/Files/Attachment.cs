namespace Xinke.Kernel.Files;

/// <summary>
/// A file attached to a record of any module (a driver, a warranty card, a signed agreement's
/// scan). Attachments are immutable: a new version is a new attachment that replaces the old
/// one, which stays; nothing is deleted, at most voided with a reason.
/// </summary>
public sealed class Attachment
{
    public const int OwnerTypeMaxLength = 40;
    public const int FileNameMaxLength = 200;
    public const int DescriptionMaxLength = 500;
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The kind of record it belongs to, as its module names it (<c>asset</c>, <c>contract</c>).</summary>
    public required string OwnerType { get; set; }

    public long OwnerId { get; set; }

    /// <summary>The name to show and to offer on download; never used as a path.</summary>
    public required string FileName { get; set; }

    /// <summary>Judged from the bytes, never taken from the client.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SM3 of the content (the plaintext, when encrypted), lowercase hex.</summary>
    public required string Sm3 { get; set; }

    public required string StorageKey { get; set; }

    public bool Encrypted { get; set; }

    /// <summary>Which key sealed it (an identifier, never the key).</summary>
    public string? KeyId { get; set; }

    public long? UploadedById { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }

    public string? Description { get; set; }

    /// <summary>The previous version, which this one supersedes.</summary>
    public long? ReplacesId { get; set; }

    public DateTime? VoidedAt { get; set; }

    public long? VoidedById { get; set; }

    public string? VoidReason { get; set; }

    public bool IsVoided => VoidedAt is not null;

    public Error? Void(string? reason, long? byAccount, DateTime at)
    {
        if (IsVoided)
        {
            return Error.Conflict(AttachmentErrors.AlreadyVoided);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReasonMaxLength)
        {
            return Error.Invalid(AttachmentErrors.InvalidReason, "reason", ReasonMaxLength);
        }

        VoidedAt = at;
        VoidedById = byAccount;
        VoidReason = reason.Trim();
        return null;
    }
}
