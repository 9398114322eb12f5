using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Data.Paging;

namespace Xinke.Kernel.Bench;

/// <summary>
/// The database scenario of the kernel, until modules bring list APIs of their own: a page of
/// the human-code counters through EF Core the way a list endpoint reads (no tracking, a
/// projection, a page object), and the same query raw.
/// </summary>
public static class CodeCountersScenario
{
    private static readonly string RawSql =
        $"""SELECT "Kind" AS "kind", "Year" AS "year", "Last" AS "last" FROM "{HumanCodes.Table}" ORDER BY "Kind", "Year" LIMIT {ListRequest.DefaultLimit}""";

    public static RouteGroupBuilder MapCodeCountersScenario(this RouteGroupBuilder bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        bench.MapGet("/ef/code-counters", ListAsync);
        bench.MapRawQuery("code-counters", RawSql);
        return bench;
    }

    private static async Task<Ok<Page<CodeCounterRow>>> ListAsync(XinkeDb db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<CodeCounter>()
            .AsNoTracking()
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Year)
            .Take(ListRequest.DefaultLimit)
            .Select(c => new CodeCounterRow(c.Kind, c.Year, c.Last))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CodeCounterRow>(rows, null));
    }

    public sealed record CodeCounterRow(string Kind, int Year, long Last);
}
