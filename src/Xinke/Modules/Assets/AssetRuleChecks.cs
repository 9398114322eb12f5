using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Assets.Scrapping;

namespace Xinke.Modules.Assets;

/// <summary>
/// The equipment rules on stored records: key devices have a designated place (EQ-01); a request in
/// use was approved, in its own approval, by someone other than its filer (EQ-02); a returned loan was inspected by someone
/// other than its borrower, a data-holding device came back wiped (EQ-03); a repair was recorded by a
/// holder of <see cref="AssetsPermissions.Repair"/> (EQ-05); a scrapping past approval rests on a scrap
/// appraisal by a holder of <see cref="AssetsPermissions.Appraise"/> other than its starter and its
/// approvers, its own approval decided by others, and a completed one of a data-holding device has its
/// destruction record (EQ-06).
/// </summary>
public sealed class AssetRuleChecks(XinkeDb db) : IRecordRuleCheck
{
    public string Area => "assets";

    public async IAsyncEnumerable<RuleViolation> FindViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keyDevicesWithoutPlace = await db.Set<Asset>().AsNoTracking().Where(a => a.IsKeyDevice && a.DesignatedLocation == null)
            .OrderBy(a => a.Id).Select(a => a.Tag).ToListAsync(cancellationToken);
        foreach (var tag in keyDevicesWithoutPlace)
        {
            yield return new RuleViolation(AssetErrors.KeyDeviceRequirement, tag, "A key device without a designated location.");
        }

        await foreach (var violation in RequestViolationsAsync(cancellationToken))
        {
            yield return violation;
        }

        await foreach (var violation in LoanViolationsAsync(cancellationToken))
        {
            yield return violation;
        }

        await foreach (var violation in RepairViolationsAsync(cancellationToken))
        {
            yield return violation;
        }

        await foreach (var violation in ScrappingViolationsAsync(cancellationToken))
        {
            yield return violation;
        }
    }

    private async IAsyncEnumerable<RuleViolation> RequestViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inUse = await db.Set<AssetRequest>().AsNoTracking()
            .Where(r => r.Status == AssetRequestStatus.Approved || r.Status == AssetRequestStatus.Fulfilled || r.Status == AssetRequestStatus.Closed)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Code, r.FiledById, r.ApprovalId, r.FulfilledCount, Items = r.Items.Count }).ToListAsync(cancellationToken);
        var approvals = await ApprovalFacts.OfAsync(db, [.. inUse.Where(r => r.ApprovalId is not null).Select(r => r.ApprovalId!.Value)], cancellationToken);
        foreach (var request in inUse)
        {
            if (request.ApprovalId is not { } id || !approvals.TryGetValue(id, out var approval) || !approval.ApprovedByOthersThan(request.FiledById))
            {
                yield return new RuleViolation(AssetRequestErrors.Requirement, request.Code, "Handed out without an approval decided by someone other than its filer.");
            }
            else if (!approval.IsFor(AssetRequests.ApprovalKind, request.Id))
            {
                yield return new RuleViolation(AssetRequestErrors.Requirement, request.Code, $"Its approval {approval.Code} was opened for another record.");
            }

            if (request.Items != request.FulfilledCount)
            {
                yield return new RuleViolation(AssetRequestErrors.Requirement, request.Code, "Its fulfilled count disagrees with the assets handed out.");
            }
        }
    }

    private async IAsyncEnumerable<RuleViolation> LoanViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var returned = await db.Set<AssetLoan>().AsNoTracking().Where(l => l.ReturnedAt != null).OrderBy(l => l.Id)
            .Select(l => new
            {
                l.Code,
                l.BorrowerPersonId,
                l.InspectedById,
                l.ReturnCondition,
                l.DataWiped,
                l.Damaged,
                l.InspectionNotes,
                InspectorPersonId = db.Set<Account>().Where(a => a.Id == l.InspectedById).Select(a => a.PersonId).FirstOrDefault(),
                HoldsData = db.Set<Asset>().Where(a => a.Id == l.AssetId).Select(a => a.HoldsData).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var loan in returned)
        {
            var fault = loan.InspectedById is null || loan.ReturnCondition is null || loan.DataWiped is null || loan.Damaged is null ? "Returned without a return inspection."
                : loan.InspectorPersonId == loan.BorrowerPersonId ? "Its return was inspected by its borrower."
                : loan.HoldsData && loan.DataWiped != true ? "A device that holds data came back without being wiped."
                : loan.Damaged == true && loan.InspectionNotes is null ? "Returned damaged without saying what is wrong."
                : null;
            if (fault is not null)
            {
                yield return new RuleViolation(LoanErrors.Requirement, loan.Code, fault);
            }
        }
    }

    /// <summary>
    /// The roles held today are what can be read: a repairer whose every role granting the
    /// permission was withdrawn since shows too, and is worth a look as well.
    /// </summary>
    private async IAsyncEnumerable<RuleViolation> RepairViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var qualified = db.Set<RoleAssignment>().Where(a => a.Role!.Permissions.Any(p => p.Permission == AssetsPermissions.Repair)).Select(a => a.AccountId);
        var unqualified = await db.Set<AssetRepair>().AsNoTracking().Where(r => !qualified.Contains(r.RecordedById)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, Tag = db.Set<Asset>().Where(a => a.Id == r.AssetId).Select(a => a.Tag).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var repair in unqualified)
        {
            yield return new RuleViolation(
                RepairErrors.Requirement,
                repair.Tag ?? string.Create(CultureInfo.InvariantCulture, $"repair:{repair.Id}"),
                string.Create(CultureInfo.InvariantCulture, $"Its repair {repair.Id} was recorded by someone who does not hold {AssetsPermissions.Repair}."));
        }
    }

    /// <summary>As for repairs, the appraiser's qualification is read from the roles held today.</summary>
    private async IAsyncEnumerable<RuleViolation> ScrappingViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var qualified = db.Set<RoleAssignment>().Where(a => a.Role!.Permissions.Any(p => p.Permission == AssetsPermissions.Appraise)).Select(a => a.AccountId);
        var approved = await db.Set<AssetScrapping>().AsNoTracking()
            .Where(s => s.Status == ScrappingStatus.Approved || s.Status == ScrappingStatus.Completed)
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.StartedById,
                s.ApprovalId,
                s.Status,
                s.DataDestructionMethod,
                s.DataDestroyedBy,
                s.DataDestroyedAt,
                s.CertificateAttachmentId,
                HeldData = db.Set<Asset>().Where(a => a.Id == s.AssetId).Select(a => a.HoldsData).FirstOrDefault(),
                Tag = db.Set<Asset>().Where(a => a.Id == s.AssetId).Select(a => a.Tag).FirstOrDefault(),
                Appraisal = db.Set<AssetAppraisal>().Where(a => a.Id == s.AppraisalId && a.AssetId == s.AssetId)
                    .Select(a => new { a.AppraiserId, a.Recommendation, Qualified = qualified.Contains(a.AppraiserId) }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var approvals = await ApprovalFacts.OfAsync(db, [.. approved.Where(s => s.ApprovalId is not null).Select(s => s.ApprovalId!.Value)], cancellationToken);
        foreach (var scrapping in approved)
        {
            var record = scrapping.Tag ?? string.Create(CultureInfo.InvariantCulture, $"scrapping:{scrapping.Id}");
            if (scrapping.Appraisal is null || scrapping.Appraisal.Recommendation != AppraisalRecommendation.Scrap)
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, "Scrapped without an appraisal that finds it unfit.");
            }
            else if (scrapping.Appraisal.AppraiserId == scrapping.StartedById)
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, "Its appraiser also started its scrapping.");
            }
            else if (!scrapping.Appraisal.Qualified)
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, $"Appraised by someone who does not hold {AssetsPermissions.Appraise}.");
            }

            if (scrapping.ApprovalId is not { } id || !approvals.TryGetValue(id, out var approval) || !approval.ApprovedByOthersThan(scrapping.StartedById))
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, "Scrapped without an approval decided by someone other than its starter.");
            }
            else if (!approval.IsFor(ScrappingService.ApprovalKind, scrapping.Id))
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, $"Its approval {approval.Code} was opened for another record.");
            }
            else if (scrapping.Appraisal is { } appraisal && approval.DeciderIds.Contains(appraisal.AppraiserId))
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, "Its appraiser also decided its approval.");
            }

            if (scrapping.Status == ScrappingStatus.Completed && scrapping.HeldData
                && (scrapping.DataDestructionMethod is null || scrapping.DataDestroyedBy is null || scrapping.DataDestroyedAt is null || scrapping.CertificateAttachmentId is null))
            {
                yield return new RuleViolation(ScrapErrors.Requirement, record, "Scrapped although it held data, without a record of the data's destruction.");
            }
        }
    }
}
