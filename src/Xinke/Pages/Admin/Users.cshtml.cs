using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Admin;

/// <summary>The system administrator's list of accounts: create, activate, disable, enable, unlock, reset.</summary>
[RequirePermission(KernelPermissions.UsersRead)]
public sealed class UsersModel(XinkeDb db, AccountService accounts, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    public IReadOnlyList<Kernel.Identity.Account> Accounts { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool CanGrant { get; private set; }

    /// <summary>Shown once, right after it was issued.</summary>
    public string? IssuedPassword { get; private set; }

    public string? IssuedFor { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync(cancellationToken))
        {
            return Forbid();
        }

        var created = await accounts.CreateAsync(UserName, DisplayName, null, AccountState.Pending, cancellationToken);
        if (created.Succeeded)
        {
            (IssuedFor, IssuedPassword) = (created.Value!.Account.UserName, created.Value.OneTimePassword);
            UserName = DisplayName = null;
        }
        else
        {
            ModelState.AddModelError(string.Empty, localizer[created.Error!.Code]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerbAsync(long id, string verb, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync(cancellationToken))
        {
            return Forbid();
        }

        Error? error = null;
        switch (verb)
        {
            case "activate":
                error = await accounts.ActivateAsync(id, cancellationToken);
                break;
            case "disable":
                error = await accounts.DisableAsync(id, cancellationToken);
                break;
            case "enable":
                error = await accounts.EnableAsync(id, cancellationToken);
                break;
            case "unlock":
                error = await accounts.UnlockAsync(id, cancellationToken);
                break;
            case "reset-password":
                var reset = await accounts.ResetPasswordAsync(id, cancellationToken);
                error = reset.Error;
                IssuedPassword = reset.Value;
                IssuedFor = await db.Set<Kernel.Identity.Account>().Where(a => a.Id == id).Select(a => a.UserName).SingleOrDefaultAsync(cancellationToken);
                break;
            default:
                return BadRequest();
        }

        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, localizer[error.Code]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> CanWriteAsync(CancellationToken cancellationToken) =>
        (await current.GetAsync(cancellationToken))?.Has(KernelPermissions.UsersWrite) == true;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        CanWrite = await CanWriteAsync(cancellationToken);
        CanGrant = (await current.GetAsync(cancellationToken))?.Has(KernelPermissions.RolesGrant) == true;
        var query = db.Set<Kernel.Identity.Account>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query = query.Where(a => a.UserName.Contains(Q) || a.DisplayName.Contains(Q));
        }

        Accounts = await query.OrderBy(a => a.UserName).Take(PageSize).ToListAsync(cancellationToken);
    }
}
