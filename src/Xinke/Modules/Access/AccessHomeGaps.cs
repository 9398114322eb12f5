using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Access.Policy;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access;

/// <summary>The home page's access gaps: review lines waiting for the caller's answer, and flagged accounts still live for the security administrator.</summary>
public sealed class AccessHomeGaps(XinkeDb db, AccessReviews reviews) : IHomeGapSource
{
    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var gaps = new List<HomeGap>();
        if (caller.Has(AccessPermissions.ReviewsAnswer))
        {
            var waiting = await (await reviews.VisibleLinesAsync(cancellationToken))
                .Where(l => l.Answer == ReviewAnswer.Pending && l.AccountId != caller.Id
                    && db.Set<AccessReviewCampaign>().Any(c => c.Id == l.CampaignId && c.ClosedAt == null))
                .CountAsync(cancellationToken);
            if (waiting > 0)
            {
                gaps.Add(new HomeGap(AccessErrors.Reviewing, "home.gap.access_review_lines", "/access/reviews", waiting));
            }
        }

        if (caller.Has(AccessPermissions.RequestsRevoke))
        {
            var live = await db.Set<AccountFlag>().Where(f => f.DisabledAt == null
                && db.Set<Account>().Any(a => a.Id == f.AccountId && a.State != AccountState.Disabled)).Select(f => f.AccountId).Distinct().CountAsync(cancellationToken);
            if (live > 0)
            {
                gaps.Add(new HomeGap(AccessErrors.Reviewing, "home.gap.access_flagged_accounts", "/access/flags", live));
            }
        }

        return gaps;
    }
}
