using Xinke.Data;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// How requests of one kind are approved: the steps, in order, and the deadline in office working
/// hours (the business calendar's). Declared by the module in code, kept as data that the IT
/// director edits.
/// </summary>
public sealed class ApprovalPolicy : IVersioned
{
    public const int MaxSteps = 10;
    public const int MaxQuorum = 20;

    /// <summary>About a year of office hours: a longer deadline is a typing error, not a policy.</summary>
    public const int MaxDeadlineWorkingHours = 2000;

    public long Id { get; set; }

    public required string Kind { get; set; }

    public int DeadlineWorkingHours { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<ApprovalPolicyStep> Steps { get; set; } = [];

    /// <summary>The steps a request with <paramref name="amount"/> goes through, in order.</summary>
    public IEnumerable<ApprovalPolicyStep> StepsFor(decimal? amount) =>
        Steps.Where(s => s.AppliesTo(amount)).OrderBy(s => s.Order);
}

/// <summary>
/// A step of a policy. <see cref="MinAmount"/> is its condition: the step applies only to requests
/// whose amount exceeds it (for example: leadership signs only above a value).
/// </summary>
public sealed class ApprovalPolicyStep
{
    public long Id { get; set; }

    public long PolicyId { get; set; }

    public int Order { get; set; }

    public string? Permission { get; set; }

    public bool DepartmentLimited { get; set; }

    public long? AccountId { get; set; }

    public int Quorum { get; set; } = 1;

    public decimal? MinAmount { get; set; }

    public bool AppliesTo(decimal? amount) => MinAmount is null || amount > MinAmount;
}
