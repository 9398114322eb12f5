using Xinke.Data;
using Xinke.Kernel;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>
/// One scrapping of a device (报废): started on an appraisal that recommends it, approved through
/// the workflow kernel (kind <see cref="ScrappingService.ApprovalKind"/>), then completed with the
/// disposal method and, for a device that held data, the data-destruction record (EQ-06).
/// </summary>
public sealed class AssetScrapping : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int ShortTextMaxLength = 200;

    public long Id { get; set; }

    public long AssetId { get; set; }

    public long AppraisalId { get; set; }

    public required string Reason { get; set; }

    public long StartedById { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>The status the asset had when the scrapping started, restored if approval is refused.</summary>
    public AssetStatus PreviousStatus { get; set; }

    public ScrappingStatus Status { get; set; }

    public long? ApprovalId { get; set; }

    public string? DisposalMethod { get; set; }

    public string? DataDestructionMethod { get; set; }

    public string? DataDestroyedBy { get; set; }

    public DateTime? DataDestroyedAt { get; set; }

    public long? CertificateAttachmentId { get; set; }

    public DateTime? CompletedAt { get; set; }

    public long? CompletedById { get; set; }

    public long Version { get; set; }

    public bool IsOpen => Status is ScrappingStatus.PendingApproval or ScrappingStatus.Approved;

    /// <summary>Closes a scrapping that was not approved.</summary>
    public Error? End(ScrappingStatus outcome)
    {
        if (Status != ScrappingStatus.PendingApproval || outcome is not (ScrappingStatus.Rejected or ScrappingStatus.Withdrawn or ScrappingStatus.Expired))
        {
            return Error.Conflict(ScrapErrors.NotApproved, ScrapErrors.Requirement);
        }

        Status = outcome;
        return null;
    }

    public Error? Approve()
    {
        if (Status != ScrappingStatus.PendingApproval)
        {
            return Error.Conflict(ScrapErrors.NotApproved, ScrapErrors.Requirement);
        }

        Status = ScrappingStatus.Approved;
        return null;
    }

    /// <summary>Records the disposal; a device that held data needs the destruction record with its certificate.</summary>
    public Error? Complete(ScrapCompletion completion, bool heldData, long byAccountId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (Status != ScrappingStatus.Approved)
        {
            return Error.Conflict(ScrapErrors.NotApproved, ScrapErrors.Requirement);
        }

        var disposal = completion.DisposalMethod?.Trim();
        if (string.IsNullOrEmpty(disposal) || disposal.Length > ShortTextMaxLength)
        {
            return Error.Invalid(ScrapErrors.InvalidDisposal, "disposalMethod", ShortTextMaxLength);
        }

        var destruction = completion.DataDestruction;
        if (heldData)
        {
            var method = destruction?.Method?.Trim();
            var by = destruction?.By?.Trim();
            if (destruction is null || string.IsNullOrEmpty(method) || method.Length > ShortTextMaxLength)
            {
                return new Error(ScrapErrors.DataDestructionRequired, ErrorKind.Invalid, "dataDestruction.method", ScrapErrors.Requirement);
            }

            if (string.IsNullOrEmpty(by) || by.Length > ShortTextMaxLength)
            {
                return new Error(ScrapErrors.DataDestructionRequired, ErrorKind.Invalid, "dataDestruction.by", ScrapErrors.Requirement);
            }

            if (destruction.At is not { } at)
            {
                return new Error(ScrapErrors.DataDestructionRequired, ErrorKind.Invalid, "dataDestruction.at", ScrapErrors.Requirement);
            }

            if (destruction.CertificateAttachmentId is not { } certificate)
            {
                return new Error(ScrapErrors.DataDestructionRequired, ErrorKind.Invalid, "dataDestruction.certificateAttachmentId", ScrapErrors.Requirement);
            }

            DataDestructionMethod = method;
            DataDestroyedBy = by;
            DataDestroyedAt = at.UtcDateTime;
            CertificateAttachmentId = certificate;
        }

        DisposalMethod = disposal;
        Status = ScrappingStatus.Completed;
        CompletedAt = now;
        CompletedById = byAccountId;
        return null;
    }
}
