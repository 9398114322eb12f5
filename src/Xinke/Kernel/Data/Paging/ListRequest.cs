namespace Xinke.Kernel.Data.Paging;

/// <summary>The query string every list endpoint takes: <c>?q=&amp;sort=&amp;limit=&amp;cursor=</c>.</summary>
public sealed record ListRequest(string? Q = null, string? Sort = null, int? Limit = null, string? Cursor = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxQueryLength = 200;
}
