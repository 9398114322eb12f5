namespace Xinke.Kernel.Workflow;

public sealed record PersonDto(long Id, string UserName, string DisplayName);

public sealed record ApprovalSubjectDto(string Module, string Entity, string Id, string? Code, string Summary, long? DepartmentId);

/// <summary>A step as shown: its approver (a permission, or a person), quorum, state and the approvals it has.</summary>
public sealed record ApprovalStepDto(int Order, string? Permission, bool DepartmentLimited, PersonDto? Account, int Quorum, int Approvals, ApprovalStepState State);

public sealed record ApprovalDecisionDto(int StepOrder, PersonDto Approver, ApprovalVerdict Verdict, string? Comment, string? Permission, DateTime DecidedAt);

public sealed record ApprovalDto(
    long Id,
    string Code,
    string Kind,
    ApprovalSubjectDto Subject,
    ApprovalState State,
    PersonDto Requester,
    decimal? Amount,
    DateTime CreatedAt,
    DateTime Deadline,
    DateTime? ClosedAt,
    IReadOnlyList<ApprovalStepDto> Steps,
    IReadOnlyList<ApprovalDecisionDto> Decisions);

public sealed record DecisionInput(string? Comment);

public sealed record ApprovalPolicyStepDto(int Order, string? Permission, bool DepartmentLimited, long? AccountId, int Quorum, decimal? MinAmount)
{
    public static ApprovalPolicyStepDto From(ApprovalPolicyStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step.Order, step.Permission, step.DepartmentLimited, step.AccountId, step.Quorum, step.MinAmount);
    }
}

public sealed record ApprovalPolicyDto(string Kind, int DeadlineWorkingHours, IReadOnlyList<ApprovalPolicyStepDto> Steps, DateTime UpdatedAt, long Version)
{
    public static ApprovalPolicyDto From(ApprovalPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.Kind, policy.DeadlineWorkingHours, [.. policy.Steps.OrderBy(s => s.Order).Select(ApprovalPolicyStepDto.From)], policy.UpdatedAt, policy.Version);
    }
}
