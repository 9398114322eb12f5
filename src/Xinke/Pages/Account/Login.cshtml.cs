using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Account;

/// <summary>
/// Log-in in two steps: the password, then (for an enrolled account) the code on a step of its
/// own. Between them the page carries a protected, five-minute note of whose password was
/// accepted, never the password itself.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(LoginService login, UserManager<Kernel.Identity.Account> users, IDataProtectionProvider protection, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Pending { get; set; }

    public bool CodeStep => Pending is not null;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = SessionApi.AddressOf(HttpContext);
        var protector = protection.CreateProtector("Xinke.Login.Pending").ToTimeLimitedDataProtector();
        Result<LoginSuccess> outcome;
        if (Pending is not null)
        {
            if (!TryUnprotect(protector, Pending, out var accountId))
            {
                Pending = null;
                return Refuse(IdentityErrors.InvalidCredentials);
            }

            var code = Code?.Trim() ?? string.Empty;
            var proof = code.Contains('-', StringComparison.Ordinal) ? new LoginProof(null, code, HttpContext) : new LoginProof(code, null, HttpContext);
            outcome = await login.ContinueAsync(accountId, proof, address, cancellationToken);
        }
        else
        {
            outcome = await login.LoginAsync(new LoginInput(UserName, Password), address, cancellationToken);
            if (outcome.Error?.Code == IdentityErrors.MfaRequired && await users.FindByNameAsync(UserName!) is { } account)
            {
                Pending = protector.Protect(account.Id.ToString(CultureInfo.InvariantCulture), PendingLifetime);
                Password = null;
                ModelState.Clear();
                return Page();
            }
        }

        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Error!.Code, outcome.Error.Arguments);
        }

        await LoginService.SignInAsync(HttpContext, outcome.Value!);
        return LocalRedirect("/");
    }

    private static bool TryUnprotect(ITimeLimitedDataProtector protector, string pending, out long accountId)
    {
        accountId = 0;
        try
        {
            return long.TryParse(protector.Unprotect(pending), CultureInfo.InvariantCulture, out accountId);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private PageResult Refuse(string code, params object[] arguments)
    {
        Password = null;
        Code = null;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, localizer[code, arguments]);
        return Page();
    }
}
