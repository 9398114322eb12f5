using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Tests.Kernel.Identity.Scoped;

/// <summary>List, detail and export of <see cref="ScopedRecord"/>, each through <see cref="DepartmentScope"/>.</summary>
public static class ScopedRecordApi
{
    public const string Permission = KernelPermissions.DepartmentsRead;

    private static readonly ListDefinition<ScopedRecord> List = new ListDefinition<ScopedRecord>("test-scoped", r => r.Id, "id").SortBy("id", r => r.Id);

    private static readonly ExportColumn<ScopedRecord>[] Columns = [new("probe.name", r => r.Title)];

    public static IServiceCollection AddScopedRecordModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelPart, ScopedRecordModel>();
        services.AddSingleton<IStartupFilter, Routes>();
        return services;
    }

    private static async Task<Results<Ok<Page<ScopedRecordDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, XinkeDb db, DepartmentScope scope, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await scope.ApplyAsync(db.Set<ScopedRecord>().AsNoTracking(), Permission, r => r.DepartmentId, cancellationToken);
        var page = await List.PageAsync(query, request, ScopedRecordDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<ScopedRecordDto>, NotFound>> GetAsync(long id, XinkeDb db, DepartmentScope scope, CancellationToken cancellationToken)
    {
        var query = await scope.ApplyAsync(db.Set<ScopedRecord>().AsNoTracking(), Permission, r => r.DepartmentId, cancellationToken);
        var record = await query.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(ScopedRecordDto.From(record));
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, XinkeDb db, DepartmentScope scope, CancellationToken cancellationToken)
    {
        var query = await scope.ApplyAsync(db.Set<ScopedRecord>().AsNoTracking(), Permission, r => r.DepartmentId, cancellationToken);
        return new ExportResult<ScopedRecord>(List.Ordered(query, request).Value!.AsAsyncEnumerable(), Columns, ExportFormat.Csv, "scoped");
    }

    private sealed class Routes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var routes = (IEndpointRouteBuilder)app.Properties["__EndpointRouteBuilder"]!;
            var group = routes.MapGroup("/api/v1/test-scoped").RequirePermission(Permission);
            group.MapGet("/", ListAsync);
            group.MapGet("/export", ExportAsync);
            group.MapGet("/{id:long}", GetAsync);
        };
    }
}
