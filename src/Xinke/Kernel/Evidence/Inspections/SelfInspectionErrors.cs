namespace Xinke.Kernel.Evidence.Inspections;

public static class SelfInspectionErrors
{
    /// <summary>Security supervision analysed periodically: the rule a self-inspection proves first.</summary>
    public const string Requirement = "SEC-03";

    public const string NotFound = "compliance_inspection.not_found";
    public const string CommentsRequired = "compliance_inspection.comments_required";
    public const string PeriodRequired = "compliance_inspection.period_required";
    public const string PeriodReversed = "compliance_inspection.period_reversed";
    public const string PeriodInFuture = "compliance_inspection.period_in_future";
    public const string AttachmentRequired = "compliance_inspection.attachment_required";
    public const string AlreadyRecorded = "compliance_inspection.already_recorded";
    public const string NotRecorded = "compliance_inspection.not_recorded";
    public const string NoPeriodToReview = "compliance_inspection.no_period_to_review";
}
