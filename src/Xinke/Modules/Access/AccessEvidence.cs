using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access;

/// <summary>
/// What the access module proves. ACC-02: of the roles granted in the period (as the audit chain
/// records them), the share that came through an approved permission request — a role the
/// security administrator assigned directly counts as not evidenced. ACC-04: every quarter of the
/// period has a closed review campaign whose lines were answered at least to the catalogue's
/// <c>answered</c> share.
/// </summary>
public sealed class AccessEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string AnsweredThreshold = "answered";
    private static readonly EvidenceLink Requests = new("nav.access_requests", "/access/requests");
    private static readonly EvidenceLink Reviews = new("nav.access_reviews", "/access/reviews");

    public IReadOnlyCollection<string> RequirementIds { get; } = [AccessErrors.Granting, AccessErrors.Reviewing];

    public Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return requirementId switch
        {
            AccessErrors.Granting => GrantsAsync(query, cancellationToken),
            AccessErrors.Reviewing => ReviewsAsync(query, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "Access does not evidence this requirement."),
        };
    }

    private async Task<EvidenceAnswer> GrantsAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var events = db.Set<AuditEvent>().AsNoTracking().Where(e => e.OccurredAt >= query.StartUtc && e.OccurredAt < query.EndUtc && e.EntityType == nameof(RoleAssignment));
        var granted = events.Where(e => e.Action == AuditAction.Create).Select(e => e.EntityId);
        var total = await granted.CountAsync(cancellationToken);
        var approved = await events.Where(e => e.Action == PermissionGrants.GrantedAction && granted.Contains(e.EntityId)).Select(e => e.EntityId).Distinct().CountAsync(cancellationToken);
        var status = EvidenceGrades.ByShare(catalogue, AccessErrors.Granting, approved, total);
        return new EvidenceAnswer(AccessErrors.Granting, status, new EvidenceReason("evidence.acc02.grants", approved, total), [Requests]);
    }

    private async Task<EvidenceAnswer> ReviewsAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(query.AsOf);
        var quarters = new List<string>();
        for (var start = new DateOnly(query.From.Year, ((query.From.Month - 1) / 3 * 3) + 1, 1); start <= query.To; start = start.AddMonths(3))
        {
            quarters.Add(AccessReviewCampaign.QuarterOf(start));
        }

        var campaigns = await db.Set<AccessReviewCampaign>().AsNoTracking()
            .Where(c => quarters.Contains(c.Period) && c.ClosedAt != null && c.ClosedAt <= query.AsOf)
            .Select(c => new
            {
                c.Period,
                Lines = db.Set<AccessReviewLine>().Count(l => l.CampaignId == c.Id),
                Answered = db.Set<AccessReviewLine>().Count(l => l.CampaignId == c.Id && l.Answer != ReviewAnswer.Pending),
            })
            .ToListAsync(cancellationToken);
        var threshold = catalogue.Threshold(AccessErrors.Reviewing, AnsweredThreshold);
        var reviewed = campaigns.Count(c => c.Lines == 0 || (double)c.Answered / c.Lines >= threshold);

        // A quarter still running counts once its campaign has closed; until then it is not yet due.
        var due = quarters.Count(q => campaigns.Any(c => c.Period == q) || QuarterEnd(q) < asOf);
        var status = EvidenceGrades.ByShare(catalogue, AccessErrors.Reviewing, reviewed, due);
        return new EvidenceAnswer(AccessErrors.Reviewing, status, new EvidenceReason("evidence.acc04.reviews", reviewed, due, threshold * 100), [Reviews]);
    }

    private static DateOnly QuarterEnd(string period)
    {
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
        var quarter = period[5] - '0';
        return new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
    }
}
