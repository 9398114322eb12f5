using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Evidence.Documents;

/// <summary>
/// The documents <see cref="DocumentEvidence"/> counts for a rule: those filed under it with a kept
/// file whose covered days reach into the period, each with its files (every kept revision) and
/// whether it counts within the period (not expired before it). A department's pack lists the
/// hospital-wide documents and its own.
/// </summary>
public sealed class DocumentEvidenceRecords(XinkeDb db, RequirementCatalogue catalogue, HospitalClock hospital) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds => [.. catalogue.Requirements.Where(r => r.Documents).Select(r => r.Id)];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var asOf = hospital.LocalDate(query.AsOf);
        var last = query.To < asOf ? query.To : asOf;
        var files = db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerType == EvidenceDocument.OwnerType && a.VoidedAt == null);
        var documents = db.Set<EvidenceDocument>().AsNoTracking()
            .Where(d => d.Requirements.Any(r => r.RequirementId == requirementId) && files.Any(a => a.OwnerId == d.Id))
            .Where(d => d.CoversFrom <= query.To && (d.CoversTo == null || d.CoversTo >= query.From));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
            documents = documents.Where(d => d.DepartmentId == null || inside.Contains(d.DepartmentId));
        }

        // A rule is proved by a handful of documents: their files are read once, so the rows stream without a query each.
        var kept = (await files.Where(a => documents.Any(d => d.Id == a.OwnerId)).OrderBy(a => a.Id).Select(a => new { a.OwnerId, a.Id }).ToListAsync(cancellationToken))
            .ToLookup(a => a.OwnerId, a => a.Id);
        yield return RecordSheets.Of(
            "evidencerecords.evidence_documents",
            ["evidencerecords.code", "evidencerecords.title", "evidencerecords.kind", "evidencerecords.covers_from", "evidencerecords.covers_to", "evidencerecords.expires_on", "evidencerecords.owner", "evidencerecords.department", "evidencerecords.compliant"],
            documents.OrderBy(d => d.CoversFrom).ThenBy(d => d.Id).Select(d => new
            {
                Document = d,
                Owner = db.Set<Account>().Where(a => a.Id == d.OwnerAccountId).Select(a => a.DisplayName).FirstOrDefault(),
                Department = db.Set<Department>().Where(x => x.Id == d.DepartmentId).Select(x => x.Name).FirstOrDefault(),
            }),
            d => new RecordRow(
                [d.Document.Code, d.Document.Title, d.Document.Kind.ToString(), d.Document.CoversFrom, d.Document.CoversTo, d.Document.ExpiresOn, d.Owner, d.Department, d.Document.CoverageWithin(query.From, last) is not null],
                [.. kept[d.Document.Id]]));
    }
}
