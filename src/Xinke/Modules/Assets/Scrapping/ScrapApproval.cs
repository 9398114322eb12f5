using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>
/// What the approval of a scrapping does (approved: the asset awaits disposal; otherwise the
/// scrapping ends and the asset stays as it was), and its veto of the appraiser as an approver.
/// </summary>
public sealed class ScrapApproval(XinkeDb db, AssetHistory history, TimeProvider clock) : IApprovalOutcomeHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [ScrappingService.ApprovalKind];

    public Task<Error?> OnApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, ScrappingStatus.Approved, cancellationToken);

    public Task<Error?> OnRejectedAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, ScrappingStatus.Rejected, cancellationToken);

    public Task<Error?> OnWithdrawnAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, ScrappingStatus.Withdrawn, cancellationToken);

    public Task<Error?> OnExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, ScrappingStatus.Expired, cancellationToken);

    /// <summary>Whoever appraised the device may not decide its scrapping (EQ-06: appraisal and approval are separate hands).</summary>
    public async Task<Error?> RefuseApproverAsync(ApprovalRequest request, long accountId, CancellationToken cancellationToken)
    {
        var scrapping = await SubjectAsync(request, cancellationToken);
        var appraiser = await db.Set<AssetAppraisal>().Where(a => a.Id == scrapping.AppraisalId).Select(a => a.AppraiserId).SingleAsync(cancellationToken);
        return appraiser == accountId ? Error.Conflict(ScrapErrors.AppraiserConflict, ScrapErrors.Requirement) : null;
    }

    private async Task<Error?> CloseAsync(ApprovalRequest request, ScrappingStatus outcome, CancellationToken cancellationToken)
    {
        var scrapping = await SubjectAsync(request, cancellationToken);
        var asset = await db.Set<Asset>().SingleAsync(a => a.Id == scrapping.AssetId, cancellationToken);
        var closed = outcome == ScrappingStatus.Approved ? scrapping.Approve() ?? asset.SetStatus(AssetStatus.AwaitingScrapping) : scrapping.End(outcome);
        if (closed is not null)
        {
            return closed;
        }

        asset.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var text = outcome == ScrappingStatus.Approved ? $"报废已批准（{request.Code}），待处置" : $"报废未获批准（{request.Code}）：{outcome}";
        history.Record(asset.Id, AssetEventKind.Scrapping, text, null, "scrapping", scrapping.Id);
        return null;
    }

    private Task<AssetScrapping> SubjectAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = long.Parse(request.SubjectId, CultureInfo.InvariantCulture);
        return db.Set<AssetScrapping>().SingleAsync(s => s.Id == id, cancellationToken);
    }
}
