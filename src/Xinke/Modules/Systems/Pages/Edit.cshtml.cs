using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Systems.Pages;

/// <summary>Edits a system; the version the form was drawn from must still be current, as with If-Match.</summary>
[RequirePermission(SystemsPermissions.Write)]
public sealed class EditModel(SystemRegister register, XinkeDb db, IStringLocalizer<SharedResource> localizer) : SystemFormPage(db, localizer)
{
    public long Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    /// <summary>The version the form was rendered from: a change made meanwhile by someone else is refused.</summary>
    public long ExpectedVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var system = await register.FindAsync(id, cancellationToken);
        if (system is null)
        {
            return NotFound();
        }

        if (system.Status == SystemStatus.Retired)
        {
            return Redirect($"/systems/{id}");
        }

        Form = SystemForm.From(SystemInput.From(system));
        await ShowAsync(system, system.Version, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, SystemForm form, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        Form = form;
        if (ModelState.IsValid)
        {
            var edited = await register.EditAsync(
                id,
                _ => form.ToInput(),
                s => s.Version == expectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed),
                cancellationToken);
            if (edited.Succeeded)
            {
                return Redirect($"/systems/{id}");
            }

            if (edited.Error!.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Show(edited.Error);
        }

        var system = await register.FindAsync(id, cancellationToken);
        if (system is null)
        {
            return NotFound();
        }

        // The form keeps the version it was drawn from: after a refusal for staleness only a reload picks up the other change.
        await ShowAsync(system, expectedVersion ?? system.Version, cancellationToken);
        return Page();
    }

    private async Task ShowAsync(InformationSystem system, long version, CancellationToken cancellationToken)
    {
        Id = system.Id;
        Code = system.Code;
        ExpectedVersion = version;
        await LoadDepartmentsAsync(cancellationToken);
    }
}
