using Xinke.Kernel.Obligations;

namespace Xinke.Pages.Obligations;

/// <summary>The fields of the obligation form; blank fields are left as they are on an edit.</summary>
public sealed class ObligationForm
{
    public string? Title { get; set; }

    public string? RequirementIds { get; set; }

    public ScheduleKind ScheduleKind { get; set; }

    public string? Schedule { get; set; }

    public OwnerKind OwnerKind { get; set; }

    public string? Owner { get; set; }

    public int? GraceHours { get; set; }

    public string? EvidenceKind { get; set; }

    public string? EvidenceSubjectType { get; set; }

    public string? EvidenceSubjectId { get; set; }

    public bool ReviewRequired { get; set; }

    /// <summary>An unticked box posts nothing, so the bound default is false; a new form shows it ticked.</summary>
    public bool Active { get; set; }

    public ObligationInput ToInput() => new(
        Title,
        RequirementIds is null ? [] : RequirementIds.Split([' ', ',', '，'], StringSplitOptions.RemoveEmptyEntries),
        ScheduleKind,
        Schedule,
        OwnerKind,
        Owner,
        GraceHours ?? 0,
        EvidenceKind,
        EvidenceSubjectType ?? string.Empty,
        EvidenceSubjectId ?? string.Empty,
        ReviewRequired,
        Active,
        null);

    /// <summary>On an edit of a code-declared obligation only the fields the director owns are sent.</summary>
    public ObligationInput ToEdit(bool declaredInCode) => declaredInCode
        ? new(null, null, null, null, OwnerKind, Owner, GraceHours ?? 0, null, null, null, null, Active, null)
        : ToInput();

    public static ObligationForm From(ObligationDto o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new()
        {
            Title = o.Title,
            RequirementIds = string.Join(' ', o.RequirementIds),
            ScheduleKind = o.ScheduleKind,
            Schedule = o.Schedule,
            OwnerKind = o.OwnerKind,
            Owner = o.Owner,
            GraceHours = o.GraceHours,
            EvidenceKind = o.EvidenceKind,
            EvidenceSubjectType = o.EvidenceSubjectType,
            EvidenceSubjectId = o.EvidenceSubjectId,
            ReviewRequired = o.ReviewRequired,
            Active = o.Active,
        };
    }
}
