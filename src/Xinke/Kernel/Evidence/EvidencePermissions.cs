using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Evidence;

public static class EvidencePermissions
{
    /// <summary>See how well the records prove each rule (the compliance view and its API); department roles see their departments' part.</summary>
    public const string Read = "compliance.read";

    /// <summary>Keep the evidence documents: policies, plans, assessment reports, minutes, and their revisions.</summary>
    public const string Documents = "compliance.documents";

    /// <summary>
    /// Record the monthly self-inspection of the compliance view (SEC-03, ORG-06): the IT director,
    /// and the leadership group, which supervises IT work. Its review is by another hospital-wide reader.
    /// </summary>
    public const string Inspect = "compliance.inspect";

    /// <summary>Import further frameworks and set a rule's thresholds and frequencies (who, when and why kept).</summary>
    public const string Frameworks = "compliance.frameworks";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Documents, AdminDuty.None, ItDirector, ItEngineer),
        new(Frameworks, AdminDuty.None, ItDirector),
        new(Inspect, AdminDuty.None, ItDirector, Leadership),
        new(Read, AdminDuty.None, ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer),
    ];
}
