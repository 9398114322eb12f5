namespace Xinke.Modules.Assets.Scrapping;

public sealed record AppraisalDto(long Id, long AssetId, long AppraiserId, DateTime AppraisedAt, string Findings, string Recommendation)
{
    public static AppraisalDto From(AssetAppraisal a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.AssetId, a.AppraiserId, a.AppraisedAt, a.Findings, a.Recommendation.ToString());
    }
}

public sealed record ScrappingDto(
    long Id, long AssetId, long AppraisalId, string Reason, long StartedById, DateTime StartedAt, string Status, long? ApprovalId,
    string? DisposalMethod, string? DataDestructionMethod, string? DataDestroyedBy, DateTime? DataDestroyedAt, long? CertificateAttachmentId, DateTime? CompletedAt)
{
    public static ScrappingDto From(AssetScrapping s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.AssetId, s.AppraisalId, s.Reason, s.StartedById, s.StartedAt, s.Status.ToString(), s.ApprovalId,
            s.DisposalMethod, s.DataDestructionMethod, s.DataDestroyedBy, s.DataDestroyedAt, s.CertificateAttachmentId, s.CompletedAt);
    }
}
