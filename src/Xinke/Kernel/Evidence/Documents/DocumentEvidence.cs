using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Evidence.Documents;

/// <summary>
/// For the rules proved by written documents (marked in the framework data): the share of the
/// period's days that documents with a kept file cover while they count. A document expired on a
/// day covers nothing from that day; one uploaded late still covers the days it was written for.
/// </summary>
public sealed class DocumentEvidence(XinkeDb db, RequirementCatalogue catalogue, HospitalClock hospital) : IEvidenceProvider
{
    public const string Reason = "evidence.documents.coverage";

    public IReadOnlyCollection<string> RequirementIds => [.. catalogue.Requirements.Where(r => r.Documents).Select(r => r.Id)];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var asOf = hospital.LocalDate(query.AsOf);
        var last = query.To < asOf ? query.To : asOf;
        var days = last.DayNumber - query.From.DayNumber + 1;
        var documents = db.Set<EvidenceDocument>().AsNoTracking()
            .Where(d => d.Requirements.Any(r => r.RequirementId == requirementId))
            .Where(d => db.Set<Attachment>().Any(a => a.OwnerType == EvidenceDocument.OwnerType && a.OwnerId == d.Id && a.VoidedAt == null));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
            documents = documents.Where(d => d.DepartmentId == null || inside.Contains(d.DepartmentId));
        }

        var kept = await documents.ToListAsync(cancellationToken);
        var covered = days <= 0 ? 0 : CoveredDays(kept, query.From, last);
        var counting = kept.Count(d => d.CoverageWithin(query.From, last) is not null);
        var status = EvidenceGrades.ByShare(catalogue, requirementId, covered, days);
        return new EvidenceAnswer(requirementId, status, new EvidenceReason(Reason, counting, covered, Math.Max(days, 0)), [new EvidenceLink("nav.evidence_documents", $"/compliance/documents?requirement={requirementId}")]);
    }

    /// <summary>The days of the period that at least one document covers (overlaps counted once).</summary>
    public static int CoveredDays(IEnumerable<EvidenceDocument> documents, DateOnly from, DateOnly to)
    {
        var spans = documents.Select(d => d.CoverageWithin(from, to)).OfType<(DateOnly From, DateOnly To)>().OrderBy(s => s.From).ToList();
        var total = 0;
        DateOnly? reached = null;
        foreach (var (start, end) in spans)
        {
            var begin = reached is { } r && r >= start ? r.AddDays(1) : start;
            if (begin <= end)
            {
                total += end.DayNumber - begin.DayNumber + 1;
            }

            if (reached is null || end > reached)
            {
                reached = end;
            }
        }

        return total;
    }
}
