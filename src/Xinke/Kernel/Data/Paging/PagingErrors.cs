namespace Xinke.Kernel.Data.Paging;

public static class PagingErrors
{
    public const string InvalidCursor = "paging.invalid_cursor";
    public const string InvalidSort = "paging.invalid_sort";
    public const string InvalidLimit = "paging.invalid_limit";
}
