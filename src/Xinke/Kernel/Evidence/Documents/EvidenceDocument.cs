using Xinke.Data;

namespace Xinke.Kernel.Evidence.Documents;

/// <summary>
/// A document kept as evidence — a policy, an assessment report, minutes, a certificate — with
/// the period it covers (not only when it was uploaded), its owner and when it expires. Its
/// content is its attachments: each revision a new attachment replacing the last, so a revision
/// never overwrites the one before, and each is kept with its SM3.
/// </summary>
public sealed class EvidenceDocument : IVersioned
{
    public const string OwnerType = "evidence-document";
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 2000;

    public long Id { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public EvidenceDocumentKind Kind { get; set; }

    public DateOnly CoversFrom { get; set; }

    /// <summary>The last day covered; none while the document is in force until replaced (a policy).</summary>
    public DateOnly? CoversTo { get; set; }

    /// <summary>From this day the document no longer counts (a certificate's end, a policy's review date).</summary>
    public DateOnly? ExpiresOn { get; set; }

    public long OwnerAccountId { get; set; }

    /// <summary>The department it concerns; none for the whole hospital.</summary>
    public long? DepartmentId { get; set; }

    public string? Note { get; set; }

    public List<EvidenceDocumentRequirement> Requirements { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>The expiry day the owner was last told about, so the notice goes out once per expiry.</summary>
    public DateOnly? ExpiryNoticeFor { get; set; }

    public long Version { get; set; }

    public bool CountsOn(DateOnly day) => ExpiresOn is not { } expires || day < expires;

    /// <summary>The days of <paramref name="from"/>..<paramref name="to"/> this document covers while it counts.</summary>
    public (DateOnly From, DateOnly To)? CoverageWithin(DateOnly from, DateOnly to)
    {
        var start = CoversFrom > from ? CoversFrom : from;
        var end = CoversTo is { } last && last < to ? last : to;
        if (ExpiresOn is { } expires && expires.AddDays(-1) < end)
        {
            end = expires.AddDays(-1);
        }

        return start <= end ? (start, end) : null;
    }
}

/// <summary>A rule of the native framework that a document evidences.</summary>
public sealed class EvidenceDocumentRequirement
{
    public long DocumentId { get; set; }

    public required string RequirementId { get; set; }
}

public enum EvidenceDocumentKind
{
    Policy,
    Plan,
    AssessmentReport,
    Minutes,
    Certificate,
    Other,
}
