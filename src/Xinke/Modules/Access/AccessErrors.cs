namespace Xinke.Modules.Access;

public static class AccessErrors
{
    public const string RequestNotFound = "permission_request.not_found";
    public const string PersonNotFound = "permission_request.person_not_found";
    public const string UnknownRole = "permission_request.unknown_role";
    public const string AdministratorRole = "permission_request.administrator_role";
    public const string ScopeRequired = "permission_request.scope_required";
    public const string ScopeOutside = "permission_request.scope_outside";
    public const string InvalidPurpose = "permission_request.invalid_purpose";
    public const string InvalidText = "permission_request.invalid_text";
    public const string InvalidEndDate = "permission_request.invalid_end_date";
    public const string Duplicate = "permission_request.duplicate";
    public const string NotGranted = "permission_request.not_granted";
    public const string InvalidReason = "permission_request.invalid_reason";
    public const string PersonLeft = "permission_request.person_left";
    public const string SelfApproval = "permission_request.self_approval";
    public const string CampaignNotFound = "access_review.not_found";
    public const string CampaignOpen = "access_review.already_open";
    public const string CampaignClosed = "access_review.closed";
    public const string InvalidPeriod = "access_review.invalid_period";
    public const string LineNotFound = "access_review.line_not_found";
    public const string LineAnswered = "access_review.line_answered";
    public const string ReasonRequired = "access_review.reason_required";
    public const string SelfReview = "access_review.self_review";

    /// <summary>Access is granted per purpose through an approval procedure.</summary>
    public const string Granting = "ACC-02";

    /// <summary>Permissions are reviewed periodically and stale rights removed.</summary>
    public const string Reviewing = "ACC-04";
}
