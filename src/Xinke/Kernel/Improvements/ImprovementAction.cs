using System.Globalization;
using Xinke.Data;

namespace Xinke.Kernel.Improvements;

/// <summary>
/// One improvement action (整改) of the register: what was found, who fixes it by when, the
/// evidence that it was fixed, and the verification by someone other than the owner that
/// closes it. State changes are methods that refuse what the workflow forbids.
/// </summary>
public sealed class ImprovementAction : IVersioned
{
    public const string CodeKind = "IMP";
    public const int DescriptionMaxLength = 2000;
    public const int EvidenceMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int MaxAttachments = 20;

    public long Id { get; set; }

    public required string Code { get; set; }

    public ImprovementSourceKind SourceKind { get; set; }

    public string? SourceModule { get; set; }

    public string? SourceEntity { get; set; }

    public long? SourceId { get; set; }

    public string? SourceLabel { get; set; }

    public required string Description { get; set; }

    public long OwnerId { get; set; }

    /// <summary>The department the action concerns, for department scoping and the compliance view; null for the whole hospital.</summary>
    public long? DepartmentId { get; set; }

    /// <summary>A day in the hospital's time zone: the action is overdue from the day after.</summary>
    public DateOnly DueDate { get; set; }

    public ImprovementStatus Status { get; set; }

    public string? Evidence { get; set; }

    /// <summary>Ids of attachments proving completion, comma separated (the file store owns the files).</summary>
    public string? EvidenceAttachments { get; set; }

    public long? SubmittedById { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public long? VerifiedById { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? ReopenReason { get; set; }

    public string? CancelReason { get; set; }

    public long? CancelledById { get; set; }

    public long? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public ImprovementSource Source => new(SourceKind, SourceModule, SourceEntity, SourceId, SourceLabel);

    public bool IsClosed => Status is ImprovementStatus.Verified or ImprovementStatus.Cancelled;

    public IReadOnlyList<long> EvidenceAttachmentIds =>
        string.IsNullOrEmpty(EvidenceAttachments) ? [] : [.. EvidenceAttachments.Split(',').Select(id => long.Parse(id, CultureInfo.InvariantCulture))];

    /// <summary>Overdue: the due day has passed in the hospital's zone and the action is not closed.</summary>
    public bool IsOverdueOn(DateOnly today) => !IsClosed && DueDate < today;

    public Error? Start(long actorId)
    {
        if (Status != ImprovementStatus.Open)
        {
            return Error.Conflict(ImprovementErrors.WrongState);
        }

        if (actorId != OwnerId)
        {
            return Error.Conflict(ImprovementErrors.NotOwner);
        }

        Status = ImprovementStatus.InProgress;
        return null;
    }

    /// <summary>The owner reports completion with evidence; the action then waits for someone else to verify it.</summary>
    public Error? Submit(long actorId, string? evidence, IReadOnlyList<long>? attachmentIds, DateTime now)
    {
        if (Status is not (ImprovementStatus.Open or ImprovementStatus.InProgress))
        {
            return Error.Conflict(ImprovementErrors.WrongState);
        }

        if (actorId != OwnerId)
        {
            return Error.Conflict(ImprovementErrors.NotOwner);
        }

        if (string.IsNullOrWhiteSpace(evidence) || evidence.Length > EvidenceMaxLength)
        {
            return Error.Invalid(ImprovementErrors.InvalidEvidence, "evidence");
        }

        if (attachmentIds is { Count: > MaxAttachments } || attachmentIds?.Any(id => id <= 0) == true)
        {
            return Error.Invalid(ImprovementErrors.InvalidEvidence, "attachmentIds");
        }

        Evidence = evidence.Trim();
        EvidenceAttachments = attachmentIds is { Count: > 0 } ? string.Join(',', attachmentIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture))) : null;
        SubmittedById = actorId;
        SubmittedAt = now;
        Status = ImprovementStatus.AwaitingVerification;
        return null;
    }

    /// <summary>Closes the action; the owner, and whoever submitted the evidence, may not verify their own work.</summary>
    public Error? Verify(long verifierId, DateTime now)
    {
        if (Status != ImprovementStatus.AwaitingVerification)
        {
            return Error.Conflict(ImprovementErrors.WrongState);
        }

        if (verifierId == OwnerId || verifierId == SubmittedById)
        {
            return Error.Conflict(ImprovementErrors.SelfVerification, ImprovementErrors.Requirement);
        }

        VerifiedById = verifierId;
        VerifiedAt = now;
        ReopenReason = null;
        Status = ImprovementStatus.Verified;
        return null;
    }

    /// <summary>The verifier sends the action back to its owner, saying why; a verified action can be reopened too.</summary>
    public Error? Reopen(long verifierId, string? reason)
    {
        if (Status is not (ImprovementStatus.AwaitingVerification or ImprovementStatus.Verified))
        {
            return Error.Conflict(ImprovementErrors.WrongState);
        }

        if (verifierId == OwnerId)
        {
            return Error.Conflict(ImprovementErrors.SelfVerification, ImprovementErrors.Requirement);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReasonMaxLength)
        {
            return Error.Invalid(ImprovementErrors.InvalidReason, "reason");
        }

        ReopenReason = reason.Trim();
        VerifiedById = null;
        VerifiedAt = null;
        Status = ImprovementStatus.InProgress;
        return null;
    }

    public Error? Cancel(long actorId, string? reason)
    {
        if (IsClosed)
        {
            return Error.Conflict(ImprovementErrors.Closed);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReasonMaxLength)
        {
            return Error.Invalid(ImprovementErrors.InvalidReason, "reason");
        }

        CancelReason = reason.Trim();
        CancelledById = actorId;
        Status = ImprovementStatus.Cancelled;
        return null;
    }

    /// <summary>Description, owner and due date may change until the action is closed.</summary>
    public Error? Edit(string? description, long? ownerId, DateOnly? dueDate)
    {
        if (IsClosed)
        {
            return Error.Conflict(ImprovementErrors.Closed);
        }

        if (description is not null)
        {
            if (!ValidDescription(description))
            {
                return Error.Invalid(ImprovementErrors.InvalidDescription, "description");
            }

            Description = description.Trim();
        }

        if (ownerId is not null)
        {
            OwnerId = ownerId.Value;
        }

        if (dueDate is not null)
        {
            DueDate = dueDate.Value;
        }

        return null;
    }

    public static bool ValidDescription(string? description) =>
        !string.IsNullOrWhiteSpace(description) && description.Length <= DescriptionMaxLength;
}
