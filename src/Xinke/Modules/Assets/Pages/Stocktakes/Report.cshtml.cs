using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Stocktakes;

namespace Xinke.Modules.Assets.Pages.Stocktakes;

/// <summary>A stocktake's report: expected, found, missing and unexpected assets, exportable.</summary>
[RequirePermission(AssetsPermissions.Stocktake)]
public sealed class ReportModel(StocktakeService stocktakes) : PageModel
{
    public StocktakeReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var stocktake = await stocktakes.FindAsync(id, cancellationToken);
        if (stocktake is null)
        {
            return NotFound();
        }

        Report = StocktakeReport.Of(stocktake);
        return Page();
    }
}
