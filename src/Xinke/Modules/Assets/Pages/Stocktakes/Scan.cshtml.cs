using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Stocktakes;

namespace Xinke.Modules.Assets.Pages.Stocktakes;

/// <summary>
/// Counting on a phone: one text box that a handheld scanner types the tag into, ending with Enter,
/// which posts the form (no script); the page comes back with the box empty and focused, the last
/// tag's outcome and the counts so far. Finishing keeps the report.
/// </summary>
[RequirePermission(AssetsPermissions.Stocktake)]
public sealed class ScanModel(StocktakeService stocktakes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Tag { get; set; }

    /// <summary>The last scan's outcome, carried over the redirect: the tag and found/unexpected.</summary>
    [TempData]
    public string? LastScan { get; set; }

    public StocktakeReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var scanned = await stocktakes.ScanAsync(id, new ScanInput(Tag), cancellationToken);
        if (scanned.Succeeded)
        {
            var line = scanned.Value!;
            LastScan = localizer[line.Expected ? "stocktakepage.scanned_found" : "stocktakepage.scanned_unexpected", line.Tag].Value;
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError(nameof(Tag), localizer[scanned.Error!.Code, scanned.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFinishAsync(long id, CancellationToken cancellationToken)
    {
        var finished = await stocktakes.FinishAsync(id, null, cancellationToken);
        if (finished.Succeeded)
        {
            return RedirectToPage("/Assets/Stocktakes/Report", new { id });
        }

        ModelState.AddModelError(string.Empty, localizer[finished.Error!.Code, finished.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var stocktake = await stocktakes.FindAsync(id, cancellationToken);
        Report = stocktake is null ? null : StocktakeReport.Of(stocktake);
        return Report is not null;
    }
}
