using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Tests.Kernel.Probes;

/// <summary>
/// The probe's endpoints, written the way a module writes its API. They join the app's own
/// route table, so requests pass through the whole pipeline like any module's.
/// </summary>
public static class ProbeApi
{
    public const string CodeKind = "PRB";

    public static readonly ListDefinition<Probe> List = new ListDefinition<Probe>("test-probes", p => p.Id, "id")
        .SortBy("id", p => p.Id)
        .SortBy("name", p => p.Name)
        .SortBy("rank", p => p.Rank)
        .SortBy("createdAt", p => p.CreatedAt);

    public static readonly ExportColumn<Probe>[] Columns =
    [
        new("probe.code", p => p.Code),
        new("probe.name", p => p.Name),
        new("probe.rank", p => p.Rank),
        new("probe.createdAt", p => p.CreatedAt),
    ];

    private static long syntheticRowsProduced;

    /// <summary>Rows the synthetic export has produced so far: shows how far it ran when bytes arrived.</summary>
    public static long SyntheticRowsProduced => Interlocked.Read(ref syntheticRowsProduced);

    public static IServiceCollection AddProbeModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelPart, ProbeModel>();
        services.AddSingleton<IStartupFilter, ProbeEndpoints>();
        return services;
    }

    private static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/test-probes").AllowAnonymous().DisableAntiforgery();
        group.MapGet("/", ListAsync);
        group.MapGet("/export", ExportAsync);
        group.MapGet("/synthetic-export", SyntheticExport);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPatch("/{id:long}", PatchAsync);
        group.MapPost("/with-code", CreateWithCodeAsync);
        group.MapGet("/boom", Boom);
    }

    private static async Task<Results<Ok<Page<ProbeDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var page = await List.PageAsync(Filter(db, request), request, ProbeDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static IResult ExportAsync([AsParameters] ListRequest request, string? format, XinkeDb db, HttpContext http)
    {
        var parsed = ExportFormats.Parse(format);
        if (!parsed.Succeeded)
        {
            return ApiProblems.From(http, parsed.Error!);
        }

        var ordered = List.Ordered(Filter(db, request), request);
        return ordered.Succeeded
            ? new ExportResult<Probe>(ordered.Value!.AsAsyncEnumerable(), Columns, parsed.Value, "probes")
            : ApiProblems.From(http, ordered.Error!);
    }

    private static ExportResult<Probe> SyntheticExport(int rows, string? format)
    {
        Interlocked.Exchange(ref syntheticRowsProduced, 0);
        return new ExportResult<Probe>(Generate(rows), Columns, ExportFormats.Parse(format).Value, "synthetic");

        static async IAsyncEnumerable<Probe> Generate(int rows)
        {
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 1; i <= rows; i++)
            {
                Interlocked.Increment(ref syntheticRowsProduced);
                yield return new Probe { Id = i, Code = $"PRB-2026-{i:D6}", Name = $"门诊打印机 {i} 号 - 检查记录", Rank = i % 97, CreatedAt = start.AddMinutes(i) };
                if (i % 1000 == 0)
                {
                    await Task.Yield();
                }
            }
        }
    }

    private static async Task<Results<Ok<ProbeDto>, NotFound>> GetAsync(long id, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var probe = await db.Set<Probe>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (probe is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, probe.Version);
        return TypedResults.Ok(ProbeDto.From(probe));
    }

    private static async Task<Results<Created<ProbeDto>, ProblemHttpResult>> CreateAsync(ProbeInput input, XinkeDb db, HumanCodes codes, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100)
        {
            return ApiProblems.From(http, Error.Invalid("probe.invalid_name", "name"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var probe = new Probe
        {
            Code = await codes.NextAsync(CodeKind, cancellationToken),
            Name = input.Name,
            Rank = input.Rank,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(probe);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Versioning.SetETag(http.Response, probe.Version);
        return TypedResults.Created($"/api/v1/test-probes/{probe.Id}", ProbeDto.From(probe));
    }

    private static async Task<Results<Ok<ProbeDto>, NotFound, ProblemHttpResult>> PatchAsync(long id, ProbePatch patch, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var probe = await db.Set<Probe>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (probe is null)
        {
            return TypedResults.NotFound();
        }

        if (Versioning.Expect(http.Request, db.Entry(probe)) is { } stale)
        {
            return ApiProblems.From(http, stale);
        }

        if (patch.Name is not null)
        {
            probe.Name = patch.Name;
        }

        await db.SaveChangesAsync(cancellationToken);
        Versioning.SetETag(http.Response, probe.Version);
        return TypedResults.Ok(ProbeDto.From(probe));
    }

    /// <summary>Inserts a code without looking first: what a service does once two requests both passed its check.</summary>
    private static async Task<Created<ProbeDto>> CreateWithCodeAsync(ProbeCodeInput input, XinkeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var probe = new Probe { Code = input.Code, Name = input.Name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(probe);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/test-probes/{probe.Id}", ProbeDto.From(probe));
    }

    private static Ok Boom() => throw new InvalidOperationException("connection string Password=hunter2 leaked in a stack trace");

    private static IQueryable<Probe> Filter(XinkeDb db, ListRequest request)
    {
        var query = db.Set<Probe>().AsNoTracking();
        return string.IsNullOrWhiteSpace(request.Q) ? query : query.Where(p => p.Name.Contains(request.Q));
    }

    /// <summary>Adds the probe routes to the app's own route table (the one <c>UseRouting</c> reads).</summary>
    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);

            // Once the app's pipeline is built, UseRouting has published its route builder here;
            // routes added to it join the matcher, which is built at the first request.
            var routes = (IEndpointRouteBuilder)app.Properties["__EndpointRouteBuilder"]!;
            Map(routes);
        };
    }
}
