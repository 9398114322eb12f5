using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Departments;

public sealed record DepartmentInput(string? Name, long? ParentId, DepartmentKind? Kind);

public sealed record DepartmentDto(long Id, string Name, DepartmentKind Kind, long? ParentId);

public static class DepartmentsApi
{
    public static WebApplication MapDepartmentsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var departments = app.MapGroup("/api/v1/departments").WithTags("Departments");
        departments.MapGet("/", TreeAsync).RequirePermission(KernelPermissions.DepartmentsRead).WithName("DepartmentTree").WithSummary("The department tree.");
        departments.MapPost("/", CreateAsync).RequirePermission(KernelPermissions.DepartmentsWrite).WithName("CreateDepartment").WithSummary("Add a department to the tree.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DepartmentNode>>> TreeAsync(DepartmentService departments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await departments.TreeAsync(cancellationToken));

    private static async Task<Results<Created<DepartmentDto>, ProblemHttpResult>> CreateAsync(DepartmentInput input, DepartmentService departments, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await departments.CreateAsync(input.Name, input.ParentId, input.Kind, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var department = created.Value!;
        return TypedResults.Created($"/api/v1/departments/{department.Id}", new DepartmentDto(department.Id, department.Name, department.Kind, department.ParentId));
    }
}
