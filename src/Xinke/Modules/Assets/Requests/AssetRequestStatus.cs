namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// Where a device request stands: waiting for its department head, approved (and being fulfilled
/// by IT, perhaps partly), fulfilled in full or closed short; or it never got approved.
/// </summary>
public enum AssetRequestStatus
{
    PendingApproval,
    Approved,
    Fulfilled,
    Closed,
    Rejected,
    Cancelled,
    Expired,
}
