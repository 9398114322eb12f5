using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Identity;

public static class RolesApi
{
    public static WebApplication MapRolesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var roles = app.MapGroup("/api/v1/roles").WithTags("Identity");
        roles.MapGet("/", ListAsync).RequirePermission(KernelPermissions.RolesRead).WithName("ListRoles").WithSummary("Roles and their permissions.");
        roles.MapPost("/", CreateAsync).RequirePermission(KernelPermissions.RolesWrite).WithName("CreateRole").WithSummary("Create a custom role.");
        return app;
    }

    private static async Task<Ok<List<RoleDto>>> ListAsync(RoleService roles, CancellationToken cancellationToken) =>
        TypedResults.Ok((await roles.ListAsync(cancellationToken)).Select(RoleDto.From).ToList());

    private static async Task<Results<Created<RoleDto>, ProblemHttpResult>> CreateAsync(RoleInput input, RoleService roles, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await roles.CreateCustomAsync(input.Name, input.Permissions, input.RequiresMfa, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/api/v1/roles/{created.Value!.Id}", RoleDto.From(created.Value))
            : ApiProblems.From(http, created.Error!);
    }
}
