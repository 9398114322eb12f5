namespace Xinke.Kernel.Data.Paging;

/// <summary>One page of a list: <c>{ "items": [...], "nextCursor": "..." }</c>; no cursor on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
