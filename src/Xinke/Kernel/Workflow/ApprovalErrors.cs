namespace Xinke.Kernel.Workflow;

public static class ApprovalErrors
{
    public const string NotFound = "approval.not_found";
    public const string NotPending = "approval.not_pending";
    public const string SelfApproval = "approval.self_approval";
    public const string AlreadyDecided = "approval.already_decided";
    public const string NotAnApprover = "approval.not_an_approver";
    public const string NotRequester = "approval.not_requester";
    public const string NoPolicy = "approval.no_policy";
    public const string InvalidMine = "approval.invalid_mine";
    public const string InvalidComment = "approval.invalid_comment";
    public const string CommentRequired = "approval.comment_required";
    public const string InvalidSubject = "approval.invalid_subject";
    public const string PolicyNotFound = "approval_policy.not_found";
    public const string InvalidDeadline = "approval_policy.invalid_deadline";
    public const string NoSteps = "approval_policy.no_steps";
    public const string TooManySteps = "approval_policy.too_many_steps";
    public const string NoUnconditionalStep = "approval_policy.no_unconditional_step";
    public const string StepApprover = "approval_policy.step_approver";
    public const string UnknownPermission = "approval_policy.unknown_permission";
    public const string UnknownAccount = "approval_policy.unknown_account";
    public const string InvalidQuorum = "approval_policy.invalid_quorum";
    public const string InvalidThreshold = "approval_policy.invalid_threshold";
}
