using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>The assignment groups and their members: <c>/api/v1/support-groups</c>, kept by the IT director.</summary>
public static class SupportGroupsApi
{
    public static WebApplication MapSupportGroupsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/support-groups").WithTags("Support groups");
        const string manage = ServiceDeskPermissions.TicketsManage;
        group.MapGet("/", ListAsync).RequirePermission(manage).WithName("ListSupportGroups").WithSummary("Every group with its lead and members (one page).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(manage).WithName("GetSupportGroup").WithSummary("One group with its members.");
        group.MapPost("/", CreateAsync).RequirePermission(manage).WithName("CreateSupportGroup").WithSummary("Add a group; its lead must be able to work tickets.");
        group.MapPatch("/{id:long}", (long id, SupportGroupPatch patch, SupportGroups groups, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(groups.EditAsync(id, patch, g => Versioning.Expect(http.Request, db.Entry(g)), ct), http))
            .RequirePermission(manage).WithName("EditSupportGroup").WithSummary("Rename, change the lead or deactivate (If-Match).");
        group.MapPost("/{id:long}/members", (long id, MemberInput input, SupportGroups groups, HttpContext http, CancellationToken ct) =>
            RespondAsync(groups.AddMemberAsync(id, input.AccountId, ct), http))
            .RequirePermission(manage).WithName("AddSupportGroupMember").WithSummary("Add an account holding tickets.work (409 otherwise).");
        group.MapDelete("/{id:long}/members/{accountId:long}", (long id, long accountId, SupportGroups groups, HttpContext http, CancellationToken ct) =>
            RespondAsync(groups.RemoveMemberAsync(id, accountId, ct), http))
            .RequirePermission(manage).WithName("RemoveSupportGroupMember").WithSummary("Take a member out of the group.");
        return app;
    }

    private static async Task<Ok<Page<SupportGroupDto>>> ListAsync(SupportGroups groups, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Page<SupportGroupDto>(await groups.ListAsync(cancellationToken), null));

    private static async Task<Results<Ok<SupportGroupDto>, NotFound>> GetAsync(long id, SupportGroups groups, HttpContext http, CancellationToken cancellationToken)
    {
        var group = await groups.FindAsync(id, cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, group.Version);
        return TypedResults.Ok(group);
    }

    private static async Task<Results<Created<SupportGroupDto>, ProblemHttpResult>> CreateAsync(SupportGroupInput input, SupportGroups groups, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await groups.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/support-groups/{created.Value.Id}", created.Value);
    }

    private static async Task<Results<Ok<SupportGroupDto>, ProblemHttpResult>> RespondAsync(Task<Result<SupportGroupDto>> change, HttpContext http)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(changed.Value);
    }
}
