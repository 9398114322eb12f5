namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// A device request as filed: what type, how many, what for, from when (until when, for a
/// temporary need). <see cref="PersonId"/> names the person it is for when IT files on someone's
/// behalf; otherwise it is the caller's own request.
/// </summary>
public sealed record AssetRequestInput(long? TypeId, int? Quantity, string? Purpose, DateOnly? NeededFrom, DateOnly? NeededUntil, long? PersonId = null);

/// <summary>The in-stock assets of the requested type IT hands out on a request, and for a temporary need the condition they leave in.</summary>
public sealed record AssetRequestFulfilment(IReadOnlyList<long>? AssetIds, string? Condition = null);

/// <summary>Why a request is closed short of its quantity.</summary>
public sealed record AssetRequestClosing(string? Reason);
