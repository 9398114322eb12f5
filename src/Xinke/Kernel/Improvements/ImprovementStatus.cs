namespace Xinke.Kernel.Improvements;

/// <summary>Open → in progress → awaiting verification → verified; a verifier may reopen, the IT director may cancel.</summary>
public enum ImprovementStatus
{
    Open,
    InProgress,
    AwaitingVerification,
    Verified,
    Cancelled,
}
