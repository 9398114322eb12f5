namespace Xinke.Kernel.Obligations;

public static class ObligationErrors
{
    public const string InvalidTitle = "obligation.invalid_title";
    public const string InvalidSchedule = "obligation.invalid_schedule";
    public const string InvalidOwner = "obligation.invalid_owner";
    public const string UnknownOwner = "obligation.unknown_owner";
    public const string InvalidGrace = "obligation.invalid_grace";
    public const string InvalidRequirements = "obligation.invalid_requirements";
    public const string InvalidEvidence = "obligation.invalid_evidence";
    public const string DeclaredInCode = "obligation.declared_in_code";
    public const string InvalidStatus = "obligation.invalid_status";
    public const string InvalidRange = "obligation.invalid_range";
    public const string SelfReview = "obligation.self_review";
    public const string NothingToReview = "obligation.nothing_to_review";
    public const string AlreadyReviewed = "obligation.already_reviewed";
    public const string ReviewNotRequired = "obligation.review_not_required";
}
