using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Data.Paging;

namespace Xinke.Kernel.Web.Export;

/// <summary>
/// <c>GET …/export</c> of a list: what the list's filters select, in its sort, streamed in the
/// asked format; a bad format, filter or sort answers the same problem the list would.
/// </summary>
public static class ListExports
{
    public static IResult Of<T>(HttpContext http, string? format, Result<IQueryable<T>> query, ListDefinition<T> list, ListRequest request, IReadOnlyList<ExportColumn<T>> columns, string fileName)
    {
        ArgumentNullException.ThrowIfNull(list);
        var parsed = ExportFormats.Parse(format);
        if (!parsed.Succeeded)
        {
            return ApiProblems.From(http, parsed.Error!);
        }

        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var ordered = list.Ordered(query.Value!, request);
        return ordered.Succeeded
            ? new ExportResult<T>(ordered.Value!.AsAsyncEnumerable(), columns, parsed.Value, fileName)
            : ApiProblems.From(http, ordered.Error!);
    }
}
