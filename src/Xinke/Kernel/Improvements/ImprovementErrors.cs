namespace Xinke.Kernel.Improvements;

public static class ImprovementErrors
{
    public const string NotFound = "improvement.not_found";
    public const string InvalidDescription = "improvement.invalid_description";
    public const string InvalidSource = "improvement.invalid_source";
    public const string UnknownOwner = "improvement.unknown_owner";
    public const string InvalidDueDate = "improvement.invalid_due_date";
    public const string InvalidEvidence = "improvement.invalid_evidence";
    public const string InvalidEvidenceAttachments = "improvement.invalid_evidence_attachments";
    public const string InvalidReason = "improvement.invalid_reason";
    public const string InvalidStatus = "improvement.invalid_status";
    public const string WrongState = "improvement.wrong_state";
    public const string NotOwner = "improvement.not_owner";
    public const string SelfVerification = "improvement.self_verification";
    public const string Closed = "improvement.closed";

    /// <summary>Improvements found by reviews, drills and operations are carried out and checked (OPS-05, EMG-04).</summary>
    public const string Requirement = "OPS-05";
}
