using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Access.Requests;

/// <summary>
/// A request for one role, for one department or hospital-wide, for a person (ACC-02: per purpose
/// and data class, through approval). The person may have no account yet: the grant creates it.
/// </summary>
public sealed class PermissionRequest : IVersioned
{
    public const string CodeKind = "PRQ";
    public const int PurposeMaxLength = 500;
    public const int TextMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public required string Code { get; set; }

    public long PersonId { get; set; }

    /// <summary>The person's department when the request was filed: whose head approves, whose liaison sees it.</summary>
    public long PersonDepartmentId { get; set; }

    /// <summary>The account that receives the role: the person's, or the one created at the grant.</summary>
    public long? AccountId { get; set; }

    public long RoleId { get; set; }

    public required string RoleName { get; set; }

    /// <summary>The department the role is granted for (with those beneath it); null for the whole hospital.</summary>
    public long? DepartmentId { get; set; }

    public required string Purpose { get; set; }

    public string? DataClasses { get; set; }

    public string? Systems { get; set; }

    /// <summary>The last day of the grant, in the hospital's calendar; the role is revoked after it.</summary>
    public DateOnly? EndsOn { get; set; }

    public long RequesterId { get; set; }

    public PermissionRequestStatus Status { get; set; }

    public long? ApprovalId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? GrantedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? RevokeReason { get; set; }

    public long Version { get; set; }

    public static bool ValidPurpose(string? purpose) =>
        !string.IsNullOrWhiteSpace(purpose) && purpose.Trim().Length <= PurposeMaxLength;

    public static bool ValidText(string? text) => text is null || text.Trim().Length <= TextMaxLength;

    public Error? Grant(long accountId, DateTime now)
    {
        if (Status != PermissionRequestStatus.Pending)
        {
            return Error.Conflict(AccessErrors.NotGranted, AccessErrors.Granting);
        }

        AccountId = accountId;
        Status = PermissionRequestStatus.Granted;
        GrantedAt = now;
        return null;
    }

    /// <summary>Records how a pending request closed without a grant (rejected, withdrawn, expired).</summary>
    public void CloseUngranted(PermissionRequestStatus status, DateTime now)
    {
        if (Status == PermissionRequestStatus.Pending)
        {
            Status = status;
            ClosedAt = now;
        }
    }

    /// <summary>Ends the grant: at its end date (no reason) or by the security administrator (with one).</summary>
    public Error? EndGrant(string? reason, DateTime now)
    {
        if (Status != PermissionRequestStatus.Granted)
        {
            return Error.Conflict(AccessErrors.NotGranted, AccessErrors.Granting);
        }

        Status = reason is null ? PermissionRequestStatus.Ended : PermissionRequestStatus.Revoked;
        RevokeReason = reason;
        ClosedAt = now;
        return null;
    }
}
