using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;

namespace Xinke.Pages.Obligations;

/// <summary>The obligations, filtered by owner and requirement; the IT director defines new ones here.</summary>
[RequirePermission(ObligationPermissions.Read)]
public sealed class IndexModel(ObligationQueries queries, ObligationService service, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Requirement { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public ObligationForm Form { get; set; } = new();

    public Page<ObligationDto> Obligations { get; private set; } = new([], null);

    public bool CanWrite { get; private set; }

    public string Query => QueryString.Create(new Dictionary<string, string?> { ["owner"] = Owner, ["requirement"] = Requirement }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new ObligationForm { Active = true };
        return LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(ObligationPermissions.Write) != true)
        {
            return Forbid();
        }

        var created = await service.CreateAsync(Form.ToInput(), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/obligations/{created.Value!.Id}");
        }

        ModelState.AddModelError(string.Empty, localizer[created.Error!.Code, created.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(ObligationPermissions.Write) == true;
        var query = queries.Obligations(Owner, Requirement);
        if (!query.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[query.Error!.Code]);
            return;
        }

        var page = await ObligationsApi.List.PageAsync(query.Value!, new ListRequest(null, null, 50, Cursor), ObligationDto.From, cancellationToken);
        Obligations = page.Succeeded ? page.Value! : (await ObligationsApi.List.PageAsync(query.Value!, new ListRequest(null, null, 50, null), ObligationDto.From, cancellationToken)).Value!;
    }
}
