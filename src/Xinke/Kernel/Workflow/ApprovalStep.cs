namespace Xinke.Kernel.Workflow;

/// <summary>
/// One step of a request, copied from the policy when the request started (a later edit of the
/// policy does not change requests in flight). Its approver is either the holders of
/// <see cref="Permission"/> (limited to the subject's department when <see cref="DepartmentLimited"/>)
/// or the one account <see cref="AccountId"/>; <see cref="Quorum"/> distinct approvals complete it.
/// </summary>
public sealed class ApprovalStep
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public int Order { get; set; }

    public string? Permission { get; set; }

    public bool DepartmentLimited { get; set; }

    public long? AccountId { get; set; }

    public int Quorum { get; set; } = 1;

    public ApprovalStepState State { get; set; }
}
