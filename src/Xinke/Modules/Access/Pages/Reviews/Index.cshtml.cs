using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access.Pages.Reviews;

/// <summary>The review campaigns, newest first; the managers open one here.</summary>
[RequirePermission(AccessPermissions.ReviewsRead)]
public sealed class IndexModel(AccessReviews reviews, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    public Page<AccessReviewCampaignDto> Campaigns { get; private set; } = new([], null);

    public bool CanManage { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller?.Has(AccessPermissions.ReviewsManage) != true)
        {
            return Forbid();
        }

        var opened = await reviews.OpenAsync(string.IsNullOrWhiteSpace(Period) ? null : Period.Trim(), caller.Id, cancellationToken);
        if (opened.Succeeded)
        {
            return Redirect(AccessReviews.Link(opened.Value!));
        }

        ModelState.AddModelError(nameof(Period), PageErrors.Message(localizer, opened.Error!));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = (await current.GetAsync(cancellationToken))?.Has(AccessPermissions.ReviewsManage) == true;
        var request = new ListRequest(Cursor: Cursor);
        var page = await AccessReviewsApi.Campaigns.PageAsync(db.Set<AccessReviewCampaign>().AsNoTracking(), request, AccessReviewCampaignDto.From, cancellationToken);
        if (!page.Succeeded)
        {
            page = await AccessReviewsApi.Campaigns.PageAsync(db.Set<AccessReviewCampaign>().AsNoTracking(), request with { Cursor = null }, AccessReviewCampaignDto.From, cancellationToken);
        }

        Campaigns = page.Value!;
    }
}
