using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>The SLA policies: <c>/api/v1/sla-policies</c>, kept by the IT director.</summary>
public static class SlaPoliciesApi
{
    public static WebApplication MapSlaPoliciesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/sla-policies").WithTags("SLA policies");
        const string manage = ServiceDeskPermissions.TicketsManage;
        group.MapGet("/", ListAsync).RequirePermission(manage).WithName("ListSlaPolicies").WithSummary("Every SLA policy, by priority.");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(manage).WithName("GetSlaPolicy").WithSummary("One SLA policy.");
        group.MapPost("/", CreateAsync).RequirePermission(manage).WithName("CreateSlaPolicy").WithSummary("Add targets for a priority, optionally for one category or system.");
        group.MapPatch("/{id:long}", EditAsync).RequirePermission(manage).WithName("EditSlaPolicy").WithSummary("Change targets, the calendar or deactivate (If-Match).");
        return app;
    }

    private static async Task<Ok<SlaPolicyDto[]>> ListAsync(SlaPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok((await policies.All().OrderBy(p => p.Priority).ThenBy(p => p.Id).ToListAsync(cancellationToken)).Select(SlaPolicyDto.From).ToArray());

    private static async Task<Results<Ok<SlaPolicyDto>, NotFound>> GetAsync(long id, SlaPolicies policies, HttpContext http, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(id, cancellationToken);
        if (policy is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, policy.Version);
        return TypedResults.Ok(SlaPolicyDto.From(policy));
    }

    private static async Task<Results<Created<SlaPolicyDto>, ProblemHttpResult>> CreateAsync(SlaPolicyInput input, SlaPolicies policies, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await policies.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/sla-policies/{created.Value.Id}", SlaPolicyDto.From(created.Value));
    }

    private static async Task<Results<Ok<SlaPolicyDto>, ProblemHttpResult>> EditAsync(long id, SlaPolicyPatch patch, SlaPolicies policies, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var edited = await policies.EditAsync(id, patch, p => Versioning.Expect(http.Request, db.Entry(p)), cancellationToken);
        if (!edited.Succeeded)
        {
            return ApiProblems.From(http, edited.Error!);
        }

        Versioning.SetETag(http.Response, edited.Value!.Version);
        return TypedResults.Ok(SlaPolicyDto.From(edited.Value));
    }
}
