using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Loans;

/// <summary>
/// One device's loans and reservations, and the forms of the asset page's loans section: IT lends
/// the device, anyone reserves it for themselves (IT for anyone), a reservation is cancelled by its
/// person or IT. The services decide; refusals come back as the form's errors.
/// </summary>
[RequirePermission(AssetsPermissions.Borrow)]
public sealed class AssetModel(
    LoanService loans, ReservationService reservations, LoanPanel panel, PeopleDirectory people, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public long AssetId { get; private set; }

    public string? Tag { get; private set; }

    [BindProperty]
    public string? BorrowerNumber { get; set; }

    [BindProperty]
    public DateTime? Due { get; set; }

    [BindProperty]
    public string? Condition { get; set; }

    [BindProperty]
    public string? Accessories { get; set; }

    [BindProperty]
    public string? PersonNumber { get; set; }

    [BindProperty]
    public DateTime? From { get; set; }

    [BindProperty]
    public DateTime? Until { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public long? ReservationId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLendAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Loan) != true)
        {
            return Forbid();
        }

        var borrower = await PersonIdAsync(BorrowerNumber, cancellationToken);
        return await RespondAsync(id, await loans.LendAsync(id, new LoanInput(borrower, panel.FromLocal(Due), Condition, Accessories), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostReserveAsync(long id, CancellationToken cancellationToken)
    {
        var person = await PersonIdAsync(PersonNumber, cancellationToken);
        return await RespondAsync(id, await reservations.ReserveAsync(id, new ReservationInput(person, panel.FromLocal(From), panel.FromLocal(Until), Purpose), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        await RespondAsync(id, await reservations.CancelAsync(ReservationId ?? 0, cancellationToken), cancellationToken);

    private async Task<long?> PersonIdAsync(string? employeeNumber, CancellationToken cancellationToken)
    {
        var number = employeeNumber?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            return null;
        }

        // An unknown number becomes id 0, which names nobody: the service answers it as an unknown person.
        return (await people.IdsByEmployeeNumberAsync([number], cancellationToken)).GetValueOrDefault(number);
    }

    private async Task<IActionResult> RespondAsync<T>(long id, Result<T> done, CancellationToken cancellationToken)
    {
        if (done.Succeeded)
        {
            return Redirect($"/assets/{id}");
        }

        var error = done.Error!;
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (error.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        var message = localizer[error.Code, error.Arguments].Value;
        ModelState.AddModelError(error.Field ?? string.Empty, error.RequirementId is null ? message : $"{message} ({error.RequirementId})");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        AssetId = id;
        Tag = (await panel.FindAssetAsync(id, cancellationToken))?.Tag;
        return Tag is not null;
    }
}
