using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Requests;

/// <summary>Files a device request: type, quantity, purpose, needed from/until; IT may name the person it is for by employee number.</summary>
[RequirePermission(AssetsPermissions.FileRequests)]
public sealed class NewModel(AssetRequests requests, AssetRegister register, PeopleDirectory people, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public long? TypeId { get; set; }

    [BindProperty]
    public int? Quantity { get; set; } = 1;

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public DateOnly? NeededFrom { get; set; }

    [BindProperty]
    public DateOnly? NeededUntil { get; set; }

    /// <summary>The employee number of the person IT files for; empty for the caller's own request.</summary>
    [BindProperty]
    public string? EmployeeNumber { get; set; }

    public IReadOnlyList<AssetType> Types { get; private set; } = [];

    public bool FilesForOthers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NeededFrom = requests.Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        long? personId = null;
        if (!string.IsNullOrWhiteSpace(EmployeeNumber))
        {
            var number = EmployeeNumber.Trim();
            if (!(await people.IdsByEmployeeNumberAsync([number], cancellationToken)).TryGetValue(number, out var id))
            {
                ModelState.AddModelError(nameof(EmployeeNumber), localizer[AssetRequestErrors.UnknownPerson]);
                await LoadAsync(cancellationToken);
                return Page();
            }

            personId = id;
        }

        var filed = await requests.FileAsync(new AssetRequestInput(TypeId, Quantity, Purpose, NeededFrom, NeededUntil, personId), cancellationToken);
        if (!filed.Succeeded)
        {
            ModelState.AddModelError(FieldOf(filed.Error!.Field), PageErrors.Message(localizer, filed.Error));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(AssetRequests.Link(filed.Value!.Id));
    }

    /// <summary>The form field an API field error belongs to (the person is named by employee number here).</summary>
    private static string FieldOf(string? field) => field switch
    {
        null => string.Empty,
        "personId" => nameof(EmployeeNumber),
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Types = [.. (await register.TypesAsync(cancellationToken)).Where(t => t.Active)];
        FilesForOthers = (await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.FulfilRequests) == true;
    }
}
