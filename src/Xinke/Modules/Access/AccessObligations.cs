using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access;

/// <summary>The quarterly access review (ACC-04), done when a campaign closes.</summary>
public sealed class AccessObligations : IObligationDeclarations
{
    public const string QuarterlyReview = "access.quarterly-review";

    public IEnumerable<ObligationDeclaration> Declarations { get; } =
    [
        new(QuarterlyReview, "权限定期复核", [AccessErrors.Reviewing], ScheduleKind.Cron, "0 0 1 1,4,7,10 *", OwnerKind.Role, BuiltInRoles.SecAdmin, 24 * 30, AccessReviews.EvidenceKind),
    ];
}
