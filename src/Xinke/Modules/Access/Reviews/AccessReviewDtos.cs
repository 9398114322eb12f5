namespace Xinke.Modules.Access.Reviews;

public sealed record AccessReviewCampaignDto(long Id, string Code, string Period, DateTime OpenedAt, long? OpenedById, DateOnly DueOn, DateTime? ClosedAt, long? ClosedById)
{
    public static AccessReviewCampaignDto From(AccessReviewCampaign c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Code, c.Period, c.OpenedAt, c.OpenedById, c.DueOn, c.ClosedAt, c.ClosedById);
    }
}

public sealed record AccessReviewLineDto(
    long Id,
    long CampaignId,
    long? DepartmentId,
    long AccountId,
    string AccountName,
    string Role,
    long? ScopeDepartmentId,
    bool Inactive,
    bool Left,
    bool ExpiredGrant,
    ReviewAnswer Answer,
    string? Reason,
    long? AnsweredById,
    DateTime? AnsweredAt,
    EscalationLevel Escalation)
{
    public static AccessReviewLineDto From(AccessReviewLine l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.CampaignId, l.DepartmentId, l.AccountId, l.AccountName, l.RoleName, l.ScopeDepartmentId, l.Inactive, l.Left, l.ExpiredGrant, l.Answer, l.Reason, l.AnsweredById, l.AnsweredAt, l.Escalation);
    }
}

/// <summary>The lines' filters: answer, department, flagged only.</summary>
public sealed record AccessReviewLineFilter(string? Answer, long? DepartmentId, bool? Flagged);
