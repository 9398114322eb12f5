namespace Xinke.Modules.Assets.Scrapping;

public static class ScrapErrors
{
    public const string NotFound = "asset.scrap.not_found";
    public const string AppraisalRequired = "asset.scrap.appraisal_required";
    public const string AppraiserConflict = "asset.scrap.appraiser_conflict";
    public const string InProgress = "asset.scrap.in_progress";
    public const string NotApproved = "asset.scrap.not_approved";
    public const string InvalidReason = "asset.scrap.invalid_reason";
    public const string InvalidDisposal = "asset.scrap.invalid_disposal";
    public const string DataDestructionRequired = "asset.scrap.data_destruction_required";
    public const string InvalidCertificate = "asset.scrap.invalid_certificate";
    public const string InvalidFindings = "asset.appraisal.invalid_findings";
    public const string InvalidRecommendation = "asset.appraisal.invalid_recommendation";

    /// <summary>A device is scrapped only after a professional appraisal finds it unfit, then approval.</summary>
    public const string Requirement = "EQ-06";
}
