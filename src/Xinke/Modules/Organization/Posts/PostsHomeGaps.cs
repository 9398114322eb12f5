using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Organization.Posts;

/// <summary>Tells whoever assigns posts how many of the IT staff hold none (ORG-04).</summary>
public sealed class PostsHomeGaps(ItPosts posts) : IHomeGapSource
{
    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(PostsPermissions.Write))
        {
            return [];
        }

        var without = (await posts.ItStaffWithoutPostAsync(posts.Today, cancellationToken)).Count;
        return without == 0 ? [] : [new HomeGap(PostErrors.Requirement, "home.gap.it_staff_without_post", "/organization/posts", without)];
    }
}
