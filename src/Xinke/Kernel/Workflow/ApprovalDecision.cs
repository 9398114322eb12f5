namespace Xinke.Kernel.Workflow;

/// <summary>
/// One approver's verdict on one step: who, when, why, and what allowed it — the permission the
/// approver held at that moment, or null when the step named the approver in person.
/// </summary>
public sealed class ApprovalDecision
{
    public const int CommentMaxLength = 500;

    public long Id { get; set; }

    public long RequestId { get; set; }

    public long StepId { get; set; }

    public long AccountId { get; set; }

    public ApprovalVerdict Verdict { get; set; }

    public string? Comment { get; set; }

    public string? Permission { get; set; }

    public DateTime DecidedAt { get; set; }
}
