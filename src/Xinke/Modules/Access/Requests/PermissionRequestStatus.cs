namespace Xinke.Modules.Access.Requests;

/// <summary>
/// Where a request stands. Approval and grant happen in one transaction, so an approved request
/// is <see cref="Granted"/>; a grant ends at its end date (<see cref="Ended"/>) or by the security
/// administrator (<see cref="Revoked"/>).
/// </summary>
public enum PermissionRequestStatus
{
    Pending,
    Granted,
    Rejected,
    Withdrawn,
    Expired,
    Ended,
    Revoked,
}
