using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>
/// The scrappings <see cref="ScrapEvidence"/> grades for EQ-06: those completed in the period with
/// their appraisal, approval and data destruction, carrying the appraisal's and the scrapping's
/// files (the destruction certificate among them); and the devices marked scrapped in the period
/// with no completed scrapping behind them, each a gap.
/// </summary>
public sealed class ScrapEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-06"];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var completed = db.Set<AssetScrapping>().AsNoTracking().Where(s => s.Status == ScrappingStatus.Completed);
        var assets = db.Set<Asset>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            assets = assets.Where(a => inside.Contains(a.OwningDepartmentId));
        }

        var scrappings = from scrapping in completed
                         join asset in assets on scrapping.AssetId equals asset.Id
                         where scrapping.CompletedAt >= query.StartUtc && scrapping.CompletedAt < query.EndUtc && scrapping.CompletedAt <= query.AsOf
                         select new { scrapping, asset };

        // The files of a period's scrappings are few beside a register: read once, so the rows stream without a query each.
        var appraisals = scrappings.Select(s => s.scrapping.AppraisalId);
        var ids = scrappings.Select(s => s.scrapping.Id);
        var files = (await db.Set<Attachment>().AsNoTracking()
                .Where(f => f.VoidedAt == null
                    && ((f.OwnerType == AppraisalAttachments.OwnerType && appraisals.Contains(f.OwnerId))
                        || (f.OwnerType == ScrappingAttachments.OwnerType && ids.Contains(f.OwnerId))))
                .Select(f => new { f.OwnerType, f.OwnerId, f.Id })
                .ToListAsync(cancellationToken))
            .ToLookup(f => (f.OwnerType, f.OwnerId), f => f.Id);

        yield return RecordSheets.Of(
            "evidencerecords.scrappings",
            ["evidencerecords.tag", "evidencerecords.department", "evidencerecords.appraised_at", "evidencerecords.recommendation", "evidencerecords.started_at", "evidencerecords.approved_at", "evidencerecords.data_destruction", "evidencerecords.destroyed_by", "evidencerecords.completed_at", "evidencerecords.compliant"],
            scrappings.OrderBy(s => s.scrapping.CompletedAt).ThenBy(s => s.scrapping.Id).Select(s => new
            {
                s.scrapping.Id,
                s.scrapping.AppraisalId,
                s.asset.Tag,
                Department = db.Set<Department>().Where(d => d.Id == s.asset.OwningDepartmentId).Select(d => d.Name).FirstOrDefault(),
                Appraisal = db.Set<AssetAppraisal>().Where(a => a.Id == s.scrapping.AppraisalId && a.AssetId == s.asset.Id).Select(a => new { a.AppraisedAt, a.Recommendation }).FirstOrDefault(),
                s.scrapping.StartedAt,
                ApprovedAt = db.Set<ApprovalRequest>().Where(a => a.Id == s.scrapping.ApprovalId && a.State == ApprovalState.Approved).Select(a => a.ClosedAt).FirstOrDefault(),
                s.scrapping.DataDestructionMethod,
                s.scrapping.DataDestroyedBy,
                s.scrapping.CompletedAt,
                Destroyed = !s.asset.HoldsData || (s.scrapping.DataDestructionMethod != null && s.scrapping.DataDestroyedBy != null && s.scrapping.CertificateAttachmentId != null),
            }),
            s => new RecordRow(
                [s.Tag, s.Department, s.Appraisal?.AppraisedAt, s.Appraisal?.Recommendation.ToString(), s.StartedAt, s.ApprovedAt, s.DataDestructionMethod, s.DataDestroyedBy, s.CompletedAt,
                 s.Appraisal is { } appraisal && appraisal.Recommendation == AppraisalRecommendation.Scrap && appraisal.AppraisedAt <= s.StartedAt && s.ApprovedAt is not null && s.Destroyed],
                [.. files[(AppraisalAttachments.OwnerType, s.AppraisalId)], .. files[(ScrappingAttachments.OwnerType, s.Id)]]));

        yield return RecordSheets.Of(
            "evidencerecords.scrapped_unrecorded",
            ["evidencerecords.tag", "evidencerecords.department", "evidencerecords.updated_at"],
            assets.Where(a => a.Status == AssetStatus.Scrapped && a.UpdatedAt >= query.StartUtc && a.UpdatedAt < query.EndUtc && a.UpdatedAt <= query.AsOf && !completed.Any(s => s.AssetId == a.Id))
                .OrderBy(a => a.Tag)
                .Select(a => new { a.Tag, Department = db.Set<Department>().Where(d => d.Id == a.OwningDepartmentId).Select(d => d.Name).FirstOrDefault(), a.UpdatedAt }),
            a => new RecordRow(a.Tag, a.Department, a.UpdatedAt));
    }
}
