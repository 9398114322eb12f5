namespace Xinke.Modules.Organization.Departments;

/// <summary>A department's head and liaison, with the accounts through which they are reached (null when they hold none).</summary>
public sealed record DepartmentContactSummary(long DepartmentId, long? HeadPersonId, long? HeadAccountId, long? LiaisonPersonId, long? LiaisonAccountId);
