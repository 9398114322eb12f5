using Xinke.Kernel;

namespace Xinke.Modules.Access.Reviews;

public enum ReviewAnswer
{
    Pending,
    Confirmed,
    Revoked,
}

/// <summary>Who a line waits for: the department's liaison, then its head, then the IT director.</summary>
public enum EscalationLevel
{
    Liaison,
    Head,
    Director,
}

/// <summary>One role held by one account, as a campaign asks the department to confirm or revoke it.</summary>
public sealed class AccessReviewLine
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public long CampaignId { get; set; }

    /// <summary>The department that answers: the account's person's department, else the role's scope; null for the IT director.</summary>
    public long? DepartmentId { get; set; }

    public long AccountId { get; set; }

    public required string AccountName { get; set; }

    public long RoleId { get; set; }

    public required string RoleName { get; set; }

    public long? ScopeDepartmentId { get; set; }

    /// <summary>No log-in for the policy's inactive days (since creation when never logged in).</summary>
    public bool Inactive { get; set; }

    /// <summary>The account's person has left the hospital.</summary>
    public bool Left { get; set; }

    /// <summary>The role came from a permission request whose end date has passed.</summary>
    public bool ExpiredGrant { get; set; }

    public ReviewAnswer Answer { get; set; }

    public string? Reason { get; set; }

    public long? AnsweredById { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public EscalationLevel Escalation { get; set; }

    public DateTime? EscalatedAt { get; set; }

    public bool Flagged => Inactive || Left || ExpiredGrant;

    public Error? Decide(ReviewAnswer answer, string? reason, long by, DateTime now)
    {
        if (Answer != ReviewAnswer.Pending)
        {
            return Error.Conflict(AccessErrors.LineAnswered, AccessErrors.Reviewing);
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > ReasonMaxLength || (answer == ReviewAnswer.Revoked && reason is null))
        {
            return Error.Invalid(AccessErrors.ReasonRequired, "reason", ReasonMaxLength);
        }

        Answer = answer;
        Reason = reason;
        AnsweredById = by;
        AnsweredAt = now;
        return null;
    }
}
