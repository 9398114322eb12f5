namespace Xinke.Kernel.Workflow;

/// <summary>
/// A step as a policy is written: the holders of <paramref name="Permission"/> (limited to the
/// subject's department when <paramref name="DepartmentLimited"/>) or the account
/// <paramref name="AccountId"/>; <paramref name="Quorum"/> distinct approvals (default 1); applies
/// only above <paramref name="MinAmount"/> when one is given.
/// </summary>
public sealed record ApprovalStepInput(string? Permission, bool DepartmentLimited = false, long? AccountId = null, int? Quorum = null, decimal? MinAmount = null);

/// <summary>A policy as submitted for a kind: a deadline in office working hours and the steps.</summary>
public sealed record ApprovalPolicyInput(int? DeadlineWorkingHours, IReadOnlyList<ApprovalStepInput>? Steps);

/// <summary>
/// The default policy of a kind, declared by the module that owns the kind and registered with
/// <see cref="WorkflowServices.AddApprovalPolicy"/>; stored when missing, then edited as data.
/// </summary>
public sealed record ApprovalPolicyDefinition(string Kind, int DeadlineWorkingHours, IReadOnlyList<ApprovalStepInput> Steps);
