using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access.Pages.Reviews;

/// <summary>
/// One campaign: the lines the caller answers, with confirm and revoke forms (a liaison sees their
/// department's), the progress report by department, and the close form for the managers.
/// </summary>
[RequirePermission(AccessPermissions.ReviewsRead)]
public sealed class DetailModel(AccessReviews reviews, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReviewAnswer? Answer { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Flagged { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public long LineId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public AccessReviewCampaign? Campaign { get; private set; }

    public Page<AccessReviewLineDto> Lines { get; private set; } = new([], null);

    public IReadOnlyList<AccessReviewReportRow> Report { get; private set; } = [];

    public bool CanAnswer { get; private set; }

    public bool CanManage { get; private set; }

    public long CallerId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken) => AnswerAsync(id, ReviewAnswer.Confirmed, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken) => AnswerAsync(id, ReviewAnswer.Revoked, cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller?.Has(AccessPermissions.ReviewsManage) != true)
        {
            return Forbid();
        }

        var closed = await reviews.CloseAsync(id, caller.Id, cancellationToken);
        return await AfterAsync(id, closed.Error, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(long id, ReviewAnswer answer, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AccessPermissions.ReviewsAnswer) != true)
        {
            return Forbid();
        }

        var answered = await reviews.AnswerAsync(id, LineId, answer, Reason, cancellationToken);
        return await AfterAsync(id, answered.Error, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(long id, Error? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return RedirectToPage(new { id });
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, PageErrors.Message(localizer, error));
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Campaign = await reviews.FindAsync(id, cancellationToken);
        if (Campaign is null)
        {
            return false;
        }

        var caller = (await current.GetAsync(cancellationToken))!;
        CallerId = caller.Id;
        CanAnswer = Campaign.IsOpen && caller.Has(AccessPermissions.ReviewsAnswer);
        CanManage = caller.Has(AccessPermissions.ReviewsManage);
        var query = await AccessReviewsApi.LinesQueryAsync(reviews, id, new AccessReviewLineFilter(Answer?.ToString(), null, Flagged ? true : null), cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await AccessReviewsApi.Lines.PageAsync(query.Value!, request, AccessReviewLineDto.From, cancellationToken);
            if (!page.Succeeded)
            {
                page = await AccessReviewsApi.Lines.PageAsync(query.Value!, request with { Cursor = null }, AccessReviewLineDto.From, cancellationToken);
            }

            Lines = page.Value!;
        }

        Report = await reviews.ReportAsync(id, cancellationToken);
        return true;
    }
}
