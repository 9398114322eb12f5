using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// A device request (设备申领, EQ-02): a person of a department asks for a quantity of devices of a
/// type, for a purpose and a time; the department head approves it through the workflow kernel
/// (kind <see cref="AssetRequests.ApprovalKind"/>); IT then hands out specific in-stock assets, in
/// one go or in parts, and closes the request short when the rest will not come.
/// </summary>
public sealed class AssetRequest : IVersioned
{
    public const string CodeKind = "SL";
    public const int MaxQuantity = 50;
    public const int PurposeMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }

    /// <summary>The human code <c>SL-2026-000123</c>.</summary>
    public required string Code { get; set; }

    public long TypeId { get; set; }

    public int Quantity { get; set; }

    public required string Purpose { get; set; }

    public DateOnly NeededFrom { get; set; }

    /// <summary>The end of a temporary need: the devices go out on loan rather than into use.</summary>
    public DateOnly? NeededUntil { get; set; }

    /// <summary>The requesting department (the person's, when filed): its head approves.</summary>
    public long DepartmentId { get; set; }

    /// <summary>The Organization person the devices are for; they answer for them once handed out (ORG-05).</summary>
    public long PersonId { get; set; }

    /// <summary>The person's account when they have one: a requester who may never approve.</summary>
    public long? PersonAccountId { get; set; }

    /// <summary>Who filed it: the person, or an engineer on the person's behalf.</summary>
    public long FiledById { get; set; }

    public DateTime FiledAt { get; set; }

    public AssetRequestStatus Status { get; set; }

    public long? ApprovalId { get; set; }

    public DateTime? DecidedAt { get; set; }

    public int FulfilledCount { get; set; }

    public string? CloseReason { get; set; }

    public DateTime? ClosedAt { get; set; }

    public long? ClosedById { get; set; }

    public long Version { get; set; }

    public List<AssetRequestItem> Items { get; set; } = [];

    public int Remaining => Quantity - FulfilledCount;

    /// <summary>A temporary need: the devices go out on loan until <see cref="NeededUntil"/>.</summary>
    public bool IsTemporary => NeededUntil is not null;

    /// <summary>The person it is for or whoever filed it: neither may approve it (EQ-02).</summary>
    public bool IsRequester(long accountId) => accountId == FiledById || accountId == PersonAccountId;

    /// <summary>The checks of a new request that need no database: a quantity of 1–50, a purpose, a time that makes sense.</summary>
    public static Error? Check(AssetRequestInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.TypeId is null)
        {
            return Error.Invalid(AssetRequestErrors.UnknownType, "typeId");
        }

        if (input.Quantity is not (>= 1 and <= MaxQuantity))
        {
            return Error.Invalid(AssetRequestErrors.InvalidQuantity, "quantity", MaxQuantity);
        }

        var purpose = input.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > PurposeMaxLength)
        {
            return Error.Invalid(AssetRequestErrors.InvalidPurpose, "purpose", PurposeMaxLength);
        }

        if (input.NeededFrom is not { } from || from < today)
        {
            return Error.Invalid(AssetRequestErrors.InvalidNeededFrom, "neededFrom");
        }

        return input.NeededUntil is { } until && until < from ? Error.Invalid(AssetRequestErrors.InvalidNeededUntil, "neededUntil") : null;
    }

    /// <summary>Records the approval's outcome; only a pending request has one.</summary>
    public Error? Decide(AssetRequestStatus outcome, DateTime now)
    {
        if (Status != AssetRequestStatus.PendingApproval
            || outcome is not (AssetRequestStatus.Approved or AssetRequestStatus.Rejected or AssetRequestStatus.Cancelled or AssetRequestStatus.Expired))
        {
            return Error.Conflict(AssetRequestErrors.NotPending, AssetRequestErrors.Requirement);
        }

        Status = outcome;
        DecidedAt = now;
        return null;
    }

    /// <summary>Whether <paramref name="count"/> more devices may go out: only on an approved request, never beyond its quantity.</summary>
    public Error? RefusalToFulfil(int count)
    {
        if (Status != AssetRequestStatus.Approved)
        {
            return Error.Conflict(AssetRequestErrors.NotApproved, AssetRequestErrors.Requirement);
        }

        if (count < 1)
        {
            return Error.Invalid(AssetRequestErrors.NoAssets, "assetIds");
        }

        return count > Remaining ? Error.Conflict(AssetRequestErrors.TooMany, AssetRequestErrors.Requirement, Remaining) : null;
    }

    /// <summary>Hands out the assets; the request is fulfilled when the last one has gone out.</summary>
    public Error? Fulfil(IReadOnlyCollection<long> assetIds, long byAccountId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        if (RefusalToFulfil(assetIds.Count) is { } refused)
        {
            return refused;
        }

        foreach (var assetId in assetIds)
        {
            Items.Add(new AssetRequestItem { RequestId = Id, AssetId = assetId, FulfilledById = byAccountId, FulfilledAt = now });
        }

        FulfilledCount += assetIds.Count;
        if (Remaining == 0)
        {
            Status = AssetRequestStatus.Fulfilled;
            ClosedAt = now;
            ClosedById = byAccountId;
        }

        return null;
    }

    /// <summary>Closes an approved request short of its quantity, saying why.</summary>
    public Error? Close(string? reason, long byAccountId, DateTime now)
    {
        if (Status != AssetRequestStatus.Approved)
        {
            return Error.Conflict(AssetRequestErrors.NotApproved, AssetRequestErrors.Requirement);
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > ReasonMaxLength)
        {
            return Error.Invalid(AssetRequestErrors.InvalidReason, "reason", ReasonMaxLength);
        }

        Status = AssetRequestStatus.Closed;
        CloseReason = why;
        ClosedAt = now;
        ClosedById = byAccountId;
        return null;
    }
}
