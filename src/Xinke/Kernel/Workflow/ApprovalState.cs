namespace Xinke.Kernel.Workflow;

/// <summary>Where an approval request stands; every state but <see cref="Pending"/> is final.</summary>
public enum ApprovalState
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
    Expired,
}

/// <summary>Where one step of a request stands: steps activate one after the other.</summary>
public enum ApprovalStepState
{
    Waiting,
    Active,
    Approved,
    Rejected,
}

public enum ApprovalVerdict
{
    Approve,
    Reject,
}
