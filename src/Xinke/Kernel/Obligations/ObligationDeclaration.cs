namespace Xinke.Kernel.Obligations;

/// <summary>
/// An obligation a module declares in code, under a stable <paramref name="Key"/>. At start-up
/// the declarations are written to the obligations table: the definition (title, requirements,
/// schedule, evidence, review rule) follows the code; owner, grace and whether it is active are
/// set at the first start and then belong to the IT director.
/// </summary>
public sealed record ObligationDeclaration(
    string Key,
    string Title,
    IReadOnlyList<string> RequirementIds,
    ScheduleKind ScheduleKind,
    string Schedule,
    OwnerKind OwnerKind,
    string Owner,
    int GraceHours,
    string EvidenceKind,
    string? EvidenceSubjectType = null,
    string? EvidenceSubjectId = null,
    bool ReviewRequired = false);

/// <summary>What a module registers (<c>services.AddSingleton&lt;IObligationDeclarations, MyObligations&gt;()</c>) to declare its obligations.</summary>
public interface IObligationDeclarations
{
    IEnumerable<ObligationDeclaration> Declarations { get; }
}
