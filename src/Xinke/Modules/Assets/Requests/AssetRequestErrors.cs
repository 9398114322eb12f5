namespace Xinke.Modules.Assets.Requests;

public static class AssetRequestErrors
{
    public const string NotFound = "asset.request.not_found";
    public const string UnknownType = "asset.request.unknown_type";
    public const string InvalidQuantity = "asset.request.invalid_quantity";
    public const string InvalidPurpose = "asset.request.invalid_purpose";
    public const string InvalidNeededFrom = "asset.request.invalid_needed_from";
    public const string InvalidNeededUntil = "asset.request.invalid_needed_until";
    public const string UnknownPerson = "asset.request.unknown_person";
    public const string NoPerson = "asset.request.no_person";
    public const string SelfApproval = "asset.request.self_approval";
    public const string NotPending = "asset.request.not_pending";
    public const string NotRequester = "asset.request.not_requester";
    public const string NotApproved = "asset.request.not_approved";
    public const string NoAssets = "asset.request.no_assets";
    public const string TooMany = "asset.request.too_many";
    public const string WrongType = "asset.request.wrong_type";
    public const string NotInStock = "asset.request.not_in_stock";
    public const string InvalidReason = "asset.request.invalid_reason";
    public const string InvalidStatus = "asset.request.invalid_status";
    public const string InvalidView = "asset.request.invalid_view";

    /// <summary>A device request states name, quantity, purpose and time, and is approved by the supervisor before use.</summary>
    public const string Requirement = "EQ-02";
}
