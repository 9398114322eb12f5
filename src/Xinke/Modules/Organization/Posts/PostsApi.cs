using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Organization.Posts;

/// <summary>The IT department's posts (岗位) and their holders: <c>/api/v1/posts</c>.</summary>
public static class PostsApi
{
    public static readonly ListDefinition<Post> List = new ListDefinition<Post>("posts", p => p.Id, "id")
        .SortBy("id", p => p.Id)
        .SortBy("name", p => p.Name)
        .SortBy("revisedAt", p => p.ResponsibilitiesRevisedAt);

    public static readonly ExportColumn<Post>[] Columns =
    [
        new("post.name", p => p.Name),
        new("post.responsibilities", p => p.Responsibilities),
        new("post.revised_at", p => p.ResponsibilitiesRevisedAt),
        new("post.status", p => p.Status.ToString()),
    ];

    public static WebApplication MapPostsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/posts").WithTags("Posts");
        group.MapGet("/", ListAsync).RequirePermission(PostsPermissions.Read).WithName("ListPosts").WithSummary("The IT department's posts with their holders (?status=active|retired).");
        group.MapGet("/export", ExportAsync).RequirePermission(PostsPermissions.Read).WithName("ExportPosts").WithSummary("Export the posts the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(PostsPermissions.Read).WithName("GetPost").WithSummary("One post with its responsibilities and holders.");
        group.MapPost("/", CreateAsync).RequirePermission(PostsPermissions.Write).WithName("CreatePost").WithSummary("Create a post; its written responsibilities are required.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(PostsPermissions.Write).WithName("EditPost").WithSummary("Revise name or responsibilities (If-Match); the audit keeps the prior text.");
        group.MapPost("/{id:long}/retire", RetireAsync).RequirePermission(PostsPermissions.Write).WithName("RetirePost").WithSummary("Retire a post nobody holds any more.");
        group.MapPost("/{id:long}/holders", AssignAsync).RequirePermission(PostsPermissions.Write).WithName("AssignPostHolder").WithSummary("A person takes the post from a day.");
        group.MapPost("/holders/{holderId:long}/end", EndHoldingAsync).RequirePermission(PostsPermissions.Write).WithName("EndPostHolding").WithSummary("A person leaves the post on a day; the record is kept.");
        group.MapGet("/it-staff", ItStaffAsync).RequirePermission(PostsPermissions.Read).WithName("ListItStaffPosts").WithSummary("The IT staff with the posts they hold (?withoutPost=true for the gap).");

        // The menu entry comes with the API, so the module takes one line of Program.cs.
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.posts", "/organization/posts", 210, PostsPermissions.Read));
        return app;
    }

    public static Result<IQueryable<Post>> Query(ItPosts posts, PostFilter filter, string? q)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = posts.Posts();
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<PostStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(filter.Status, out _))
            {
                return Error.Invalid(PostErrors.InvalidStatus, "status");
            }

            query = query.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(p => p.Name.Contains(q) || p.Responsibilities.Contains(q));
        }

        return Result<IQueryable<Post>>.Success(query);
    }

    private static async Task<Results<Ok<Page<PostDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] PostFilter filter, ItPosts posts, HttpContext http, CancellationToken cancellationToken)
    {
        var query = Query(posts, filter, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, p => p, cancellationToken);
        return page.Succeeded
            ? TypedResults.Ok(new Page<PostDto>(await posts.ToDtosAsync(page.Value!.Items, cancellationToken), page.Value.NextCursor))
            : ApiProblems.From(http, page.Error!);
    }

    private static IResult ExportAsync([AsParameters] ListRequest request, [AsParameters] PostFilter filter, string? format, ItPosts posts, HttpContext http) =>
        ListExports.Of(http, format, Query(posts, filter, request.Q), List, request, Columns, "posts");

    private static async Task<Results<Ok<PostDto>, NotFound>> GetAsync(long id, ItPosts posts, HttpContext http, CancellationToken cancellationToken)
    {
        var post = await posts.FindAsync(id, cancellationToken);
        if (post is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, post.Version);
        return TypedResults.Ok(post);
    }

    private static async Task<Results<Created<PostDto>, ProblemHttpResult>> CreateAsync(PostInput input, ItPosts posts, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await posts.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/posts/{created.Value.Id}", (await posts.ToDtosAsync([created.Value], cancellationToken))[0]);
    }

    private static Task<Results<Ok<PostDto>, ProblemHttpResult>> PatchAsync(long id, PostInput patch, ItPosts posts, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(posts.EditAsync(id, patch, p => Versioning.Expect(http.Request, db.Entry(p)), cancellationToken), posts, http, cancellationToken);

    private static Task<Results<Ok<PostDto>, ProblemHttpResult>> RetireAsync(long id, ItPosts posts, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(posts.RetireAsync(id, p => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(p)), cancellationToken), posts, http, cancellationToken);

    private static async Task<Results<Created<PostDto>, ProblemHttpResult>> AssignAsync(long id, HolderInput input, ItPosts posts, HttpContext http, CancellationToken cancellationToken)
    {
        var assigned = await posts.AssignAsync(id, input, cancellationToken);
        if (!assigned.Succeeded)
        {
            return ApiProblems.From(http, assigned.Error!);
        }

        return TypedResults.Created($"/api/v1/posts/{id}", (await posts.FindAsync(id, cancellationToken))!);
    }

    private static async Task<Results<Ok<PostDto>, ProblemHttpResult>> EndHoldingAsync(long holderId, EndHoldingInput input, ItPosts posts, HttpContext http, CancellationToken cancellationToken)
    {
        var ended = await posts.EndHoldingAsync(holderId, input, cancellationToken);
        return ended.Succeeded ? TypedResults.Ok((await posts.FindAsync(ended.Value!.PostId, cancellationToken))!) : ApiProblems.From(http, ended.Error!);
    }

    private static async Task<Ok<IReadOnlyList<ItStaffDto>>> ItStaffAsync(bool? withoutPost, ItPosts posts, CancellationToken cancellationToken) =>
        TypedResults.Ok(withoutPost == true ? await posts.ItStaffWithoutPostAsync(posts.Today, cancellationToken) : await posts.ItStaffAsync(posts.Today, cancellationToken));

    private static async Task<Results<Ok<PostDto>, ProblemHttpResult>> RespondAsync(Task<Result<Post>> change, ItPosts posts, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok((await posts.ToDtosAsync([changed.Value], cancellationToken))[0]);
    }
}
