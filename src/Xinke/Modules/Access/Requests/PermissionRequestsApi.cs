using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Access.Requests;

/// <summary>Permission requests: <c>/api/v1/permission-requests</c>.</summary>
public static class PermissionRequestsApi
{
    public static readonly ListDefinition<PermissionRequest> List = new ListDefinition<PermissionRequest>("permission-requests", r => r.Id, "-id")
        .SortBy("id", r => r.Id)
        .SortBy("createdAt", r => r.CreatedAt);

    public static readonly ExportColumn<PermissionRequest>[] Columns =
    [
        new("permission_request.code", r => r.Code),
        new("permission_request.person", r => r.PersonId),
        new("permission_request.role", r => r.RoleName),
        new("permission_request.department", r => r.DepartmentId),
        new("permission_request.purpose", r => r.Purpose),
        new("permission_request.data_classes", r => r.DataClasses),
        new("permission_request.systems", r => r.Systems),
        new("permission_request.ends_on", r => r.EndsOn),
        new("permission_request.status", r => r.Status.ToString()),
        new("permission_request.created_at", r => r.CreatedAt),
    ];

    public static WebApplication MapPermissionRequestsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/permission-requests").WithTags("Access");
        group.MapGet("/", ListAsync).RequirePermission(AccessPermissions.RequestsRead).WithName("ListPermissionRequests").WithSummary("Permission requests the caller may see, filtered by status or person.");
        group.MapGet("/export", ExportAsync).RequirePermission(AccessPermissions.RequestsRead).WithName("ExportPermissionRequests").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(AccessPermissions.RequestsRead).WithName("GetPermissionRequest").WithSummary("One permission request.");
        group.MapPost("/", CreateAsync).RequirePermission(AccessPermissions.RequestsWrite).WithName("CreatePermissionRequest").WithSummary("Ask for a role for a person, with scope, purpose and optional end date; starts its approval.");
        group.MapPost("/{id:long}/revoke", RevokeAsync).RequirePermission(AccessPermissions.RequestsRevoke).WithName("RevokePermissionRequest").WithSummary("The security administrator ends a grant before its end date, saying why.");
        return app;
    }

    /// <summary>The list's query under the caller's visibility and the filters; shared by the list, the export and the page.</summary>
    public static async Task<Result<IQueryable<PermissionRequest>>> QueryAsync(PermissionRequests requests, PermissionRequestFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        PermissionRequestStatus? status = null;
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<PermissionRequestStatus>(filter.Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid("request.invalid", "status");
            }

            status = parsed;
        }

        var query = (await requests.VisibleAsync(cancellationToken)).AsNoTracking();
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.PersonId is { } person)
        {
            query = query.Where(r => r.PersonId == person);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(r => r.Code.Contains(q) || r.RoleName.Contains(q) || r.Purpose.Contains(q));
        }

        return Result<IQueryable<PermissionRequest>>.Success(query);
    }

    private static async Task<Results<Ok<Page<PermissionRequestDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] PermissionRequestFilter filter, PermissionRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(requests, filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, PermissionRequestDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] PermissionRequestFilter filter, string? format, PermissionRequests requests, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await QueryAsync(requests, filter, request.Q, cancellationToken), List, request, Columns, "permission-requests");

    private static async Task<Results<Ok<PermissionRequestDto>, NotFound>> GetAsync(long id, PermissionRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(id, cancellationToken);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, request.Version);
        return TypedResults.Ok(PermissionRequestDto.From(request));
    }

    private static async Task<Results<Created<PermissionRequestDto>, ProblemHttpResult>> CreateAsync(PermissionRequestInput input, PermissionRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var filed = await requests.FileAsync(input, cancellationToken);
        if (!filed.Succeeded)
        {
            return ApiProblems.From(http, filed.Error!);
        }

        var request = filed.Value!;
        Versioning.SetETag(http.Response, request.Version);
        return TypedResults.Created($"/api/v1/permission-requests/{request.Id}", PermissionRequestDto.From(request));
    }

    private static async Task<Results<Ok<PermissionRequestDto>, ProblemHttpResult>> RevokeAsync(long id, RevokeInput input, PermissionGrants grants, HttpContext http, CancellationToken cancellationToken)
    {
        var revoked = await grants.RevokeAsync(id, input.Reason, cancellationToken);
        if (!revoked.Succeeded)
        {
            return ApiProblems.From(http, revoked.Error!);
        }

        Versioning.SetETag(http.Response, revoked.Value!.Version);
        return TypedResults.Ok(PermissionRequestDto.From(revoked.Value));
    }
}
