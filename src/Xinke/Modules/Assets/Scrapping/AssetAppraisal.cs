namespace Xinke.Modules.Assets.Scrapping;

/// <summary>
/// A qualified technician's professional appraisal (技术鉴定) of a device: what was found and what
/// is advised. Photos are attachments of owner type <see cref="AppraisalAttachments.OwnerType"/>.
/// Appraisals are never edited: a second look is a new appraisal.
/// </summary>
public sealed class AssetAppraisal
{
    public const int FindingsMaxLength = 4000;

    public long Id { get; set; }

    public long AssetId { get; set; }

    public long AppraiserId { get; set; }

    public DateTime AppraisedAt { get; set; }

    public required string Findings { get; set; }

    public AppraisalRecommendation Recommendation { get; set; }

    public bool RecommendsScrap => Recommendation == AppraisalRecommendation.Scrap;
}
