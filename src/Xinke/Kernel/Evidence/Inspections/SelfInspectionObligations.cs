using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>
/// Every month the IT director reviews the compliance view (SEC-03's periodic analysis, ORG-06's
/// inspection). A recorded self-inspection is the evidence; it counts once someone other than the
/// inspector has reviewed it.
/// </summary>
public sealed class SelfInspectionObligations : IObligationDeclarations
{
    public const string Key = "compliance.self_inspection";
    public const string EvidenceKind = "compliance.self_inspection";

    /// <summary>Monthly: each period starts at local midnight on the first of the month.</summary>
    public const string Schedule = "0 0 1 * *";

    /// <summary>The month's review is often written in the first days of the next one.</summary>
    public const int GraceHours = 7 * 24;

    public IEnumerable<ObligationDeclaration> Declarations =>
    [
        new(Key, "合规看板月度自查", [SelfInspectionErrors.Requirement, SelfInspectionEvidence.Inspection], ScheduleKind.Cron, Schedule, OwnerKind.Role, BuiltInRoles.ItDirector,
            GraceHours, EvidenceKind, ReviewRequired: true),
    ];
}
