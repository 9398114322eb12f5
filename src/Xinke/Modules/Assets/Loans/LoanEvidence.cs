using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// EQ-03 from the loans: every loan closed in the period closed with an inspection, and every loan
/// open at the end of the period is not overdue (a device kept past its due time is a gap). Graded
/// by share with the framework's thresholds, never greener than the records; the answer links the
/// loans list and each loan short of the rule.
/// </summary>
public sealed class LoanEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.eq03.loans";
    private const int MaxLinks = 50;
    private static readonly EvidenceLink Loans = new("nav.asset_loans", "/assets/loans");

    public IReadOnlyCollection<string> RequirementIds { get; } = [LoanErrors.Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId != LoanErrors.Requirement)
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The loans evidence EQ-03 only.");
        }

        var end = query.EndUtc < query.AsOf ? query.EndUtc : query.AsOf;
        var loans = db.Set<AssetLoan>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
            var inside = db.Set<Department>().Where(d => path != null && d.Path.StartsWith(path)).Select(d => d.Id);
            loans = loans.Where(l => inside.Contains(l.DepartmentId));
        }

        // Closed in the period, and open at its end (lent by then and not back); the end instant itself belongs to the period.
        var counted = await loans
            .Where(l => (l.ReturnedAt >= query.StartUtc && l.ReturnedAt <= end) || (l.LentAt <= end && (l.ReturnedAt == null || l.ReturnedAt > end)))
            .Select(l => new { l.Id, l.Code, l.DueAt, l.ReturnedAt, l.InspectedById, l.ReturnCondition })
            .ToListAsync(cancellationToken);
        var shortOf = counted
            .Where(l => l.ReturnedAt is { } returned && returned <= end
                ? l.InspectedById is null || l.ReturnCondition is null
                : l.DueAt < end)
            .OrderBy(l => l.Code)
            .ToList();
        var compliant = counted.Count - shortOf.Count;
        return new EvidenceAnswer(
            requirementId,
            EvidenceGrades.ByShare(catalogue, requirementId, compliant, counted.Count),
            new EvidenceReason(ReasonKey, compliant, counted.Count),
            [Loans, .. shortOf.Take(MaxLinks).Select(l => new EvidenceLink(l.Code, $"/assets/loans/{l.Id}"))]);
    }
}
