using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>Shows the group's keepers when the group has no leader in office, and how many decisions are overdue.</summary>
public sealed class LeadershipHomeGaps(LeadershipGroup group) : IHomeGapSource
{
    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(LeadershipPermissions.Write))
        {
            return [];
        }

        var gaps = new List<HomeGap>();
        var today = group.Today;
        if (!await group.Members().AnyAsync(m => m.Position == GroupPosition.Leader && m.From <= today && (m.Until == null || m.Until >= today), cancellationToken))
        {
            gaps.Add(new HomeGap(LeadershipErrors.Requirement, "home.gap.leadership_no_leader", "/organization/leadership"));
        }

        var overdue = await LeadershipApi.FilterDecisions(group, new DecisionFilter(Overdue: true), null).Value!.CountAsync(cancellationToken);
        if (overdue > 0)
        {
            gaps.Add(new HomeGap(LeadershipErrors.Requirement, "home.gap.leadership_overdue_decisions", "/organization/leadership?overdue=true", overdue));
        }

        return gaps;
    }
}
