using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Account;

/// <summary>
/// Enrol an authenticator app: a QR code (an SVG image, since the CSP allows no inline script),
/// the secret for typing in, a first code to prove it, then the recovery codes, shown once.
/// </summary>
[AllowDuringSetup]
public sealed class MfaModel(MfaService mfa, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enrolled { get; private set; }

    public string? Secret { get; private set; }

    public string? QrImage { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var confirmed = await mfa.ConfirmTotpAsync(caller.Id, Code, cancellationToken);
        if (!confirmed.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[confirmed.Error!.Code]);
            Code = null;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        Enrolled = true;
        RecoveryCodes = confirmed.Value!;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var started = await mfa.StartTotpAsync(caller.Id, cancellationToken, keepPending: true);
        if (!started.Succeeded)
        {
            Enrolled = true;
            return;
        }

        Response.Headers.CacheControl = "no-store";
        Secret = started.Value!.Secret;
        using var data = QRCodeGenerator.GenerateQrCode(started.Value.OtpauthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrImage = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
