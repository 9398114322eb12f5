using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Stocktakes;

namespace Xinke.Modules.Assets.Pages.Stocktakes;

/// <summary>The stocktakes, newest first, with paging and export, and the form that starts one for a location.</summary>
[RequirePermission(AssetsPermissions.Stocktake)]
public sealed class IndexModel(StocktakeService stocktakes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public StocktakeForm Form { get; set; } = new();

    public Page<StocktakeDto> Stocktakes { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var started = await stocktakes.StartAsync(new StocktakeInput(Form.Campus, Form.Building, Form.Floor, Form.Room), cancellationToken);
        if (started.Succeeded)
        {
            return RedirectToPage("/Assets/Stocktakes/Scan", new { id = started.Value!.Id });
        }

        ModelState.AddModelError(string.Empty, localizer[started.Error!.Code, started.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var request = new ListRequest(Cursor: Cursor);
        var page = await StocktakesApi.List.PageAsync(stocktakes.All(), request, StocktakeDto.From, cancellationToken);
        Stocktakes = page.Succeeded ? page.Value! : (await StocktakesApi.List.PageAsync(stocktakes.All(), request with { Cursor = null }, StocktakeDto.From, cancellationToken)).Value!;
    }
}

public sealed class StocktakeForm
{
    public string? Campus { get; set; }

    public string? Building { get; set; }

    public string? Floor { get; set; }

    public string? Room { get; set; }
}
