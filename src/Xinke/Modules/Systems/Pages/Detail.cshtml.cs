using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Systems.Pages;

/// <summary>One system of the register, with the retire form for those who keep it.</summary>
[RequirePermission(SystemsPermissions.Read)]
public sealed class DetailModel(SystemRegister register, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SystemDto? Record { get; private set; }

    public bool CanWrite { get; private set; }

    /// <summary>The version the retire form was rendered from.</summary>
    public long ExpectedVersion { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRetireAsync(long id, long? expectedVersion, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(SystemsPermissions.Write) != true)
        {
            return Forbid();
        }

        var retired = await register.RetireAsync(
            id,
            Reason,
            s => s.Version == expectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed),
            cancellationToken);
        if (retired.Succeeded)
        {
            return Redirect($"/systems/{id}");
        }

        if (retired.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[retired.Error.Code, retired.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var system = await register.FindAsync(id, cancellationToken);
        if (system is null)
        {
            return false;
        }

        CanWrite = (await current.GetAsync(cancellationToken))?.Has(SystemsPermissions.Write) == true;
        Record = SystemDto.From(system, register.Today, register.Options, await register.DepartmentNamesAsync(cancellationToken));
        ExpectedVersion = system.Version;
        return true;
    }
}
