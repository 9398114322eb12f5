namespace Xinke.Modules.Assets.Scrapping;

/// <summary>Where a scrapping stands: waiting for approval, approved (the asset awaits disposal), done, or ended without scrapping.</summary>
public enum ScrappingStatus
{
    PendingApproval,
    Approved,
    Completed,
    Rejected,
    Withdrawn,
    Expired,
}
