using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Systems.Pages;

/// <summary>Records a new system in the register.</summary>
[RequirePermission(SystemsPermissions.Write)]
public sealed class NewModel(SystemRegister register, XinkeDb db, IStringLocalizer<SharedResource> localizer) : SystemFormPage(db, localizer)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new SystemForm
        {
            Criticality = SystemInput.NameOf(SystemCriticality.Medium),
            Status = SystemInput.NameOf(SystemStatus.InService),
        };
        await LoadDepartmentsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(SystemForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        Form = form;
        if (ModelState.IsValid)
        {
            var created = await register.CreateAsync(form.ToInput(), cancellationToken);
            if (created.Succeeded)
            {
                return Redirect($"/systems/{created.Value!.Id}");
            }

            Show(created.Error!);
        }

        await LoadDepartmentsAsync(cancellationToken);
        return Page();
    }
}
