namespace Xinke.Kernel.Workflow;

/// <summary>
/// The record an approval is about, as the module that asks names it: its module, entity type
/// and id, its human code, a one-line summary for the approver, and the department it belongs to
/// (which department-limited steps are matched against; null for the whole hospital).
/// </summary>
public sealed record ApprovalSubject(string Module, string Entity, string EntityId, string? Code, string Summary, long? DepartmentId);
