using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Loans;

/// <summary>One loan with its return inspection; IT closes an open loan here with the inspection form (EQ-03).</summary>
[RequirePermission(AssetsPermissions.Borrow)]
public sealed class DetailModel(LoanService loans, AssetDirectory assets, PeopleDirectory people, CurrentCaller current, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public LoanDto? Loan { get; private set; }

    public AssetSummary? Asset { get; private set; }

    public PersonSummary? Borrower { get; private set; }

    public bool CanInspect { get; private set; }

    [BindProperty]
    public string? Condition { get; set; }

    [BindProperty]
    public bool AccessoriesComplete { get; set; }

    [BindProperty]
    public bool DataWiped { get; set; }

    [BindProperty]
    public bool Damaged { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReturnAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Loan) != true)
        {
            return Forbid();
        }

        var returned = await loans.ReturnAsync(id, new ReturnInput(Condition, AccessoriesComplete, DataWiped, Damaged, Notes), null, cancellationToken);
        if (returned.Succeeded)
        {
            return Redirect($"/assets/loans/{id}");
        }

        var error = returned.Error!;
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        var message = localizer[error.Code, error.Arguments].Value;
        ModelState.AddModelError(error.Field ?? string.Empty, error.RequirementId is null ? message : $"{message} ({error.RequirementId})");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var loan = await loans.FindAsync(id, cancellationToken);
        if (loan is null)
        {
            return false;
        }

        Loan = LoanDto.From(loan, clock.GetUtcNow().UtcDateTime);
        Asset = await assets.FindAsync(loan.AssetId, cancellationToken);
        Borrower = await people.FindAsync(loan.BorrowerPersonId, cancellationToken);
        var caller = await current.GetAsync(cancellationToken);
        CanInspect = loan.IsOpen && caller?.Has(AssetsPermissions.Loan) == true;
        return true;
    }
}
