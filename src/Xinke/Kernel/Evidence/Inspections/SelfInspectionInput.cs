namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>What the inspector writes of a self-inspection: the period looked at and the conclusions.</summary>
public sealed record SelfInspectionInput(DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Comments);

/// <summary>A follow-up action raised from a self-inspection into the improvement register.</summary>
public sealed record SelfInspectionFollowUpInput(string? Description, long? OwnerAccountId, DateOnly? DueDate);
