using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.ServiceDesk.Categories;

/// <summary>The ticket category tree: <c>/api/v1/ticket-categories</c>, kept by the IT director.</summary>
public static class TicketCategoriesApi
{
    public static WebApplication MapTicketCategoriesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/ticket-categories").WithTags("Ticket categories");
        const string manage = ServiceDeskPermissions.TicketsManage;
        group.MapGet("/", ListAsync).RequirePermission(manage).WithName("ListTicketCategories").WithSummary("The whole tree in display order (one page): parent, depth, names, active flag.");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(manage).WithName("GetTicketCategory").WithSummary("One category.");
        group.MapPost("/", CreateAsync).RequirePermission(manage).WithName("CreateTicketCategory").WithSummary("Add a category at the top level or under an active parent.");
        group.MapPatch("/{id:long}", (long id, CategoryPatch patch, TicketCategories categories, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(categories.EditAsync(id, patch, c => Versioning.Expect(http.Request, db.Entry(c)), ct), http))
            .RequirePermission(manage).WithName("EditTicketCategory").WithSummary("Rename or move (with its subtree; never under itself) (If-Match).");
        group.MapPost("/{id:long}/deactivate", (long id, TicketCategories categories, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(categories.DeactivateAsync(id, IfMatched(http, db), ct), http))
            .RequirePermission(manage).WithName("DeactivateTicketCategory").WithSummary("Retire a category and its subtree: new tickets may no longer name them (If-Match optional).");
        group.MapPost("/{id:long}/activate", (long id, TicketCategories categories, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(categories.ActivateAsync(id, IfMatched(http, db), ct), http))
            .RequirePermission(manage).WithName("ActivateTicketCategory").WithSummary("Bring a retired category back under an active parent (If-Match optional).");
        return app;
    }

    private static async Task<Ok<Page<CategoryNodeDto>>> ListAsync(TicketCategories categories, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Page<CategoryNodeDto>([.. (await categories.TreeAsync(cancellationToken)).Select(CategoryNodeDto.From)], null));

    private static async Task<Results<Ok<CategoryNodeDto>, NotFound>> GetAsync(long id, TicketCategories categories, HttpContext http, CancellationToken cancellationToken)
    {
        var category = await categories.FindAsync(id, cancellationToken);
        if (category is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, category.Version);
        return TypedResults.Ok(CategoryNodeDto.From(category));
    }

    private static async Task<Results<Created<CategoryNodeDto>, ProblemHttpResult>> CreateAsync(CategoryInput input, TicketCategories categories, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await categories.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/ticket-categories/{created.Value.Id}", CategoryNodeDto.From(created.Value));
    }

    /// <summary>A verb checks If-Match when the client sends one, as the tickets' verbs do.</summary>
    private static Func<TicketCategory, Error?> IfMatched(HttpContext http, XinkeDb db) =>
        c => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(c));

    private static async Task<Results<Ok<CategoryNodeDto>, ProblemHttpResult>> RespondAsync(Task<Result<TicketCategory>> change, HttpContext http)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(CategoryNodeDto.From(changed.Value));
    }
}
