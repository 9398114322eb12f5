using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Xinke.Kernel.Data.Paging;

/// <summary>
/// How one list pages: its name (so a cursor from another list is refused), its id, the
/// fields it may be sorted by and the default sort. Declared once per list, as a static.
/// </summary>
public sealed class ListDefinition<T>(string name, Expression<Func<T, long>> id, string defaultSort)
{
    private readonly Dictionary<string, SortKey<T>> keys = new(StringComparer.Ordinal);
    private readonly Func<T, long> compiledId = id.Compile();

    public string Name { get; } = name;

    public string DefaultSort { get; } = defaultSort;

    public IEnumerable<string> SortNames => keys.Keys;

    public ListDefinition<T> SortBy<TKey>(string field, Expression<Func<T, TKey>> key)
    {
        keys[field] = new SortKey<T, TKey>(field, key);
        return this;
    }

    /// <summary>Orders the query as <paramref name="request"/> asks; used by pages and exports alike.</summary>
    public Result<IQueryable<T>> Ordered(IQueryable<T> source, ListRequest request)
    {
        var sort = Parse(request.Sort ?? DefaultSort);
        if (sort is null)
        {
            return Error.Invalid(PagingErrors.InvalidSort, "sort", string.Join(", ", keys.Keys));
        }

        return Result<IQueryable<T>>.Success(sort.Value.Key.Order(source, sort.Value.Descending, id));
    }

    public async Task<Result<Page<TOut>>> PageAsync<TOut>(IQueryable<T> source, ListRequest request, Func<T, TOut> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(map);
        var limit = request.Limit ?? ListRequest.DefaultLimit;
        if (limit is < 1 or > ListRequest.MaxLimit)
        {
            return Error.Invalid(PagingErrors.InvalidLimit, "limit", 1, ListRequest.MaxLimit);
        }

        var sortText = request.Sort ?? DefaultSort;
        var sort = Parse(sortText);
        if (sort is null)
        {
            return Error.Invalid(PagingErrors.InvalidSort, "sort", string.Join(", ", keys.Keys));
        }

        var (key, descending) = sort.Value;
        if (request.Cursor is not null)
        {
            if (!CursorPosition.TryDecode(request.Cursor, out var position) || position!.List != Name || position.Sort != sortText)
            {
                return Error.Invalid(PagingErrors.InvalidCursor, "cursor");
            }

            try
            {
                source = key.After(source, position, descending, id);
            }
            catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                return Error.Invalid(PagingErrors.InvalidCursor, "cursor");
            }
        }

        var rows = await key.Order(source, descending, id).Take(limit + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var last = rows[^1];
            next = (key.PositionOf(last, compiledId(last)) with { List = Name, Sort = sortText }).Encode();
        }

        return new Page<TOut>([.. rows.Select(map)], next);
    }

    private (SortKey<T> Key, bool Descending)? Parse(string sort)
    {
        var descending = sort.StartsWith('-');
        var field = descending ? sort[1..] : sort;
        return keys.TryGetValue(field, out var key) ? (key, descending) : null;
    }
}
