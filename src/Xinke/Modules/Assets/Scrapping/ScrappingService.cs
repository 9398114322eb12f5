using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>
/// Appraisal and scrapping of devices (EQ-06), one transaction per use case, each told on the
/// asset's timeline: a technician appraises; someone else starts the scrapping on an appraisal
/// that recommends it; the approval (IT director, leadership above the threshold, never the
/// appraiser) puts the asset in AwaitingScrapping; completion records the disposal and the data
/// destruction, and the asset is Scrapped.
/// </summary>
public sealed class ScrappingService(
    XinkeDb db, AssetRegister register, AssetHistory history, ApprovalService approvals, AttachmentService attachments, CurrentCaller current, TimeProvider clock)
{
    public const string ApprovalKind = "assets.scrap";

    public async Task<Result<AssetAppraisal>> AppraiseAsync(long assetId, AppraisalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = input.Findings?.Trim();
        if (string.IsNullOrEmpty(findings) || findings.Length > AssetAppraisal.FindingsMaxLength)
        {
            return Error.Invalid(ScrapErrors.InvalidFindings, "findings", AssetAppraisal.FindingsMaxLength);
        }

        if (!Enum.TryParse<AppraisalRecommendation>(input.Recommendation, ignoreCase: true, out var recommendation) || !Enum.IsDefined(recommendation))
        {
            return Error.Invalid(ScrapErrors.InvalidRecommendation, "recommendation");
        }

        var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Appraise, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        if (loaded.Value!.IsScrapped)
        {
            return Error.Conflict(AssetErrors.Scrapped);
        }

        var caller = await RequireCallerAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var appraisal = new AssetAppraisal
            {
                AssetId = assetId,
                AppraiserId = caller.Id,
                AppraisedAt = clock.GetUtcNow().UtcDateTime,
                Findings = findings,
                Recommendation = recommendation,
            };
            db.Add(appraisal);
            await db.SaveChangesAsync(cancellationToken);
            history.Record(assetId, AssetEventKind.Appraisal, $"技术鉴定：建议 {recommendation}。{findings}", caller.Id, "appraisal", appraisal.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetAppraisal>.Success(appraisal);
        }, cancellationToken);
    }

    /// <summary>
    /// Starts a scrapping and its approval. Refused without an appraisal of this asset that
    /// recommends scrapping (409 <c>asset.scrap.appraisal_required</c>), when the caller is that
    /// appraisal's appraiser (409 <c>asset.scrap.appraiser_conflict</c>), and while another
    /// scrapping of the asset is open (409 <c>asset.scrap.in_progress</c>).
    /// </summary>
    public async Task<Result<AssetScrapping>> StartAsync(long assetId, ScrapStartInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > AssetScrapping.TextMaxLength)
        {
            return Error.Invalid(ScrapErrors.InvalidReason, "reason", AssetScrapping.TextMaxLength);
        }

        var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Write, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value!;
        if (asset.IsScrapped)
        {
            return Error.Conflict(AssetErrors.Scrapped);
        }

        if (await db.Set<AssetScrapping>().AnyAsync(s => s.AssetId == assetId && (s.Status == ScrappingStatus.PendingApproval || s.Status == ScrappingStatus.Approved), cancellationToken))
        {
            return Error.Conflict(ScrapErrors.InProgress, ScrapErrors.Requirement);
        }

        var appraisals = db.Set<AssetAppraisal>().AsNoTracking().Where(a => a.AssetId == assetId);
        var appraisal = input.AppraisalId is { } named
            ? await appraisals.SingleOrDefaultAsync(a => a.Id == named, cancellationToken)
            : await appraisals.OrderByDescending(a => a.AppraisedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (appraisal is null || !appraisal.RecommendsScrap)
        {
            return Error.Conflict(ScrapErrors.AppraisalRequired, ScrapErrors.Requirement);
        }

        var caller = await RequireCallerAsync(cancellationToken);
        if (appraisal.AppraiserId == caller.Id)
        {
            return Error.Conflict(ScrapErrors.AppraiserConflict, ScrapErrors.Requirement);
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var scrapping = new AssetScrapping
            {
                AssetId = assetId,
                AppraisalId = appraisal.Id,
                Reason = reason,
                StartedById = caller.Id,
                StartedAt = clock.GetUtcNow().UtcDateTime,
                PreviousStatus = asset.Status,
                Status = ScrappingStatus.PendingApproval,
            };
            db.Add(scrapping);
            await db.SaveChangesAsync(cancellationToken);
            var subject = new ApprovalSubject(
                "assets", "scrapping", scrapping.Id.ToString(CultureInfo.InvariantCulture), asset.Tag, $"报废 {asset.Tag} {asset.Name}：{reason}", asset.OwningDepartmentId);
            var started = await approvals.StartAsync(subject, ApprovalKind, caller.Id, asset.PurchasePrice ?? 0m, cancellationToken);
            if (!started.Succeeded)
            {
                return started.Error!;
            }

            history.Record(assetId, AssetEventKind.Scrapping, $"发起报废（审批 {started.Value!.Code}）：{reason}", caller.Id, "scrapping", scrapping.Id);
            await db.SaveChangesAsync(cancellationToken);
            scrapping.ApprovalId = started.Value.Id;
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetScrapping>.Success(scrapping);
        }, cancellationToken);
    }

    /// <summary>Completes an approved scrapping: the asset is Scrapped; a device that held data needs its destruction record and certificate.</summary>
    public async Task<Result<AssetScrapping>> CompleteAsync(long assetId, ScrapCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Write, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value!;
        var scrapping = await db.Set<AssetScrapping>().Where(s => s.AssetId == assetId && s.Status == ScrappingStatus.Approved).SingleOrDefaultAsync(cancellationToken);
        if (scrapping is null)
        {
            return Error.Conflict(ScrapErrors.NotApproved, ScrapErrors.Requirement);
        }

        if (asset.HoldsData && completion.DataDestruction?.CertificateAttachmentId is { } certificate)
        {
            var attachment = await attachments.FindAsync(certificate, cancellationToken);
            if (attachment is null || attachment.OwnerType != ScrappingAttachments.OwnerType || attachment.OwnerId != scrapping.Id)
            {
                return Error.Invalid(ScrapErrors.InvalidCertificate, "dataDestruction.certificateAttachmentId");
            }
        }

        var caller = await RequireCallerAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (scrapping.Complete(completion, asset.HoldsData, caller.Id, now) is { } refused)
        {
            return refused;
        }

        if (asset.SetStatus(AssetStatus.Scrapped) is { } statusRefused)
        {
            return statusRefused;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            asset.UpdatedAt = now;
            var destruction = asset.HoldsData ? $"；数据销毁：{scrapping.DataDestructionMethod}（{scrapping.DataDestroyedBy}）" : string.Empty;
            history.Record(assetId, AssetEventKind.Scrapping, $"报废完成：{scrapping.DisposalMethod}{destruction}", caller.Id, "scrapping", scrapping.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetScrapping>.Success(scrapping);
        }, cancellationToken);
    }

    private async Task<Caller> RequireCallerAsync(CancellationToken cancellationToken) =>
        await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A scrapping step needs a signed-in caller.");
}
