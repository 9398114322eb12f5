namespace Xinke.Modules.Organization.People;

/// <summary>What other modules learn of a person: never the phone, which needs its own permission.</summary>
public sealed record PersonSummary(long Id, string EmployeeNumber, string Name, long DepartmentId, string? Title, PersonStatus Status, DateOnly? LeftOn, long? AccountId);
