using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Posts;

namespace Xinke.Modules.Organization.Pages.Posts;

/// <summary>The IT department's posts with their holders, and the IT staff who hold no post (ORG-04).</summary>
[RequirePermission(PostsPermissions.Read)]
public sealed class IndexModel(ItPosts posts, CurrentCaller current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PostStatus? Status { get; set; } = PostStatus.Active;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public bool CanWrite { get; private set; }

    public Page<PostDto> Posts { get; private set; } = new([], null);

    public IReadOnlyList<ItStaffDto> WithoutPost { get; private set; } = [];

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(PostsPermissions.Write) == true;
        var query = PostsApi.Query(posts, new PostFilter(Status?.ToString()), Q);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await PostsApi.List.PageAsync(query.Value!, request, p => p, cancellationToken);
            if (!page.Succeeded)
            {
                Cursor = null;
                page = await PostsApi.List.PageAsync(query.Value!, request with { Cursor = null }, p => p, cancellationToken);
            }

            Posts = new Page<PostDto>(await posts.ToDtosAsync(page.Value!.Items, cancellationToken), page.Value.NextCursor);
        }

        WithoutPost = await posts.ItStaffWithoutPostAsync(posts.Today, cancellationToken);
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }
}
