namespace Xinke.Modules.Access.Requests;

/// <summary>A request as filed: for a person, one role, its department scope, purpose, optional data classes, systems and end date.</summary>
public sealed record PermissionRequestInput(long? PersonId, string? Role, long? DepartmentId, string? Purpose, string? DataClasses, string? Systems, DateOnly? EndsOn);

public sealed record RevokeInput(string? Reason);
