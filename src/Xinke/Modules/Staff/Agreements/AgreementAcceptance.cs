namespace Xinke.Modules.Staff.Agreements;

/// <summary>
/// A person's acceptance of one agreement version: electronic (time and remote address kept) or
/// a signed paper copy whose scan is an attachment of the person. The person's department is kept
/// as at the acceptance, for department-scoped readers.
/// </summary>
public sealed class AgreementAcceptance
{
    public const int AddressMaxLength = 64;

    public long Id { get; set; }

    public long PersonId { get; set; }

    public long DepartmentId { get; set; }

    public long VersionId { get; set; }

    public AgreementVersion? Version { get; set; }

    public AcceptanceMethod Method { get; set; }

    /// <summary>When it was accepted on screen, or the day the paper was signed (its start, in UTC).</summary>
    public DateTime AcceptedAt { get; set; }

    /// <summary>The remote address of an electronic acceptance.</summary>
    public string? Address { get; set; }

    public long? AttachmentId { get; set; }

    /// <summary>The account that accepted (electronic) or recorded the scan.</summary>
    public long? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }
}
