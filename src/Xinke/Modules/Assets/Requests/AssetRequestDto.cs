namespace Xinke.Modules.Assets.Requests;

/// <summary>A device request as the API returns it; <see cref="Progress"/> shows a partial fulfilment as "n/m".</summary>
public sealed record AssetRequestDto(
    long Id,
    string Code,
    long TypeId,
    int Quantity,
    string Purpose,
    DateOnly NeededFrom,
    DateOnly? NeededUntil,
    long DepartmentId,
    long PersonId,
    long FiledById,
    DateTime FiledAt,
    string Status,
    long? ApprovalId,
    DateTime? DecidedAt,
    int FulfilledCount,
    int Remaining,
    string Progress,
    string? CloseReason,
    DateTime? ClosedAt,
    IReadOnlyList<long> AssetIds)
{
    public static AssetRequestDto From(AssetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(
            request.Id,
            request.Code,
            request.TypeId,
            request.Quantity,
            request.Purpose,
            request.NeededFrom,
            request.NeededUntil,
            request.DepartmentId,
            request.PersonId,
            request.FiledById,
            request.FiledAt,
            request.Status.ToString(),
            request.ApprovalId,
            request.DecidedAt,
            request.FulfilledCount,
            request.Remaining,
            $"{request.FulfilledCount}/{request.Quantity}",
            request.CloseReason,
            request.ClosedAt,
            [.. request.Items.Select(i => i.AssetId)]);
    }
}
