namespace Xinke.Modules.Access.Requests;

public sealed record PermissionRequestDto(
    long Id,
    string Code,
    long PersonId,
    long PersonDepartmentId,
    long? AccountId,
    string Role,
    long? DepartmentId,
    string Purpose,
    string? DataClasses,
    string? Systems,
    DateOnly? EndsOn,
    long RequesterId,
    PermissionRequestStatus Status,
    long? ApprovalId,
    DateTime CreatedAt,
    DateTime? GrantedAt,
    DateTime? ClosedAt,
    string? RevokeReason)
{
    public static PermissionRequestDto From(PermissionRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Code, r.PersonId, r.PersonDepartmentId, r.AccountId, r.RoleName, r.DepartmentId, r.Purpose, r.DataClasses, r.Systems, r.EndsOn, r.RequesterId, r.Status, r.ApprovalId, r.CreatedAt, r.GrantedAt, r.ClosedAt, r.RevokeReason);
    }
}

/// <summary>The list's filters: status and person.</summary>
public sealed record PermissionRequestFilter(string? Status, long? PersonId);
