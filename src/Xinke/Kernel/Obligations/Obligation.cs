using System.Text.RegularExpressions;
using Xinke.Data;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// A recurring duty: what must be done (a record of <see cref="EvidenceKind"/>, optionally about
/// one subject), how often (<see cref="Schedule"/>), by whom (<see cref="OwnerKind"/>), and with
/// how much grace. Declared in code by a module (<see cref="Key"/> set; its definition follows the
/// code) or defined by the IT director.
/// </summary>
public sealed partial class Obligation : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int KeyMaxLength = 100;
    public const int ScheduleMaxLength = 500;
    public const int OwnerMaxLength = 100;
    public const int EvidenceMaxLength = 100;
    public const int RequirementsMaxLength = 400;

    public long Id { get; set; }

    /// <summary>The stable key of a code-declared obligation; null for one defined in the UI.</summary>
    public string? Key { get; set; }

    public required string Title { get; set; }

    /// <summary>Requirement IDs, stored as <c>,OPS-01,SEC-02,</c> so one ID is a plain substring match.</summary>
    public string RequirementIds { get; set; } = ",";

    public ScheduleKind ScheduleKind { get; set; }

    public required string Schedule { get; set; }

    public OwnerKind OwnerKind { get; set; }

    public required string Owner { get; set; }

    public int GraceHours { get; set; }

    public required string EvidenceKind { get; set; }

    public string? EvidenceSubjectType { get; set; }

    public string? EvidenceSubjectId { get; set; }

    /// <summary>A period closed by a person's own record is done only once someone else reviewed it.</summary>
    public bool ReviewRequired { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The first period starts at the first scheduled time at or after this instant.</summary>
    public DateTime EffectiveFrom { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public bool DeclaredInCode => Key is not null;

    public TimeSpan Grace => TimeSpan.FromHours(GraceHours);

    public IReadOnlyList<string> Requirements => RequirementIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string OwnerRef => OwnerRefOf(OwnerKind, Owner);

    public static string OwnerRefOf(OwnerKind kind, string owner) => $"{kind.ToString().ToLowerInvariant()}:{owner}";

    public static string StoredRequirement(string id) => $",{id},";

    /// <summary>Requirement IDs as stored; null when one is not of the form <c>OPS-01</c>.</summary>
    public static string? StoreRequirements(IEnumerable<string>? ids)
    {
        var list = (ids ?? []).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Any(i => !RequirementId().IsMatch(i)))
        {
            return null;
        }

        var stored = "," + string.Concat(list.Select(i => i + ","));
        return stored.Length <= RequirementsMaxLength ? stored : null;
    }

    /// <summary>Whether a reported record is evidence for this obligation.</summary>
    public bool Accepts(string kind, string? subjectType, string? subjectId) =>
        EvidenceKind == kind
        && (EvidenceSubjectType is null || (EvidenceSubjectType == subjectType && (EvidenceSubjectId is null || EvidenceSubjectId == subjectId)));

    [GeneratedRegex(@"^[A-Z]+-\d{2}$")]
    private static partial Regex RequirementId();
}
