using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>Records a device in the register with all its fields; a blank tag takes the next <c>ZC-yyyy-nnnnnn</c>.</summary>
[RequirePermission(AssetsPermissions.Write)]
public sealed class CreateModel(AssetService service, AssetRegister register, PeopleDirectory people, IStringLocalizer<SharedResource> localizer)
    : AssetFormPage(register, people, localizer)
{
    public override bool Editing => false;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.Status = nameof(AssetStatus.InStock);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (found, person) = await ResponsibleAsync(cancellationToken);
        if (found)
        {
            var created = await service.CreateAsync(Form.ToInput(person), cancellationToken);
            if (created.Succeeded)
            {
                return Redirect(string.Create(CultureInfo.InvariantCulture, $"/assets/{created.Value!.Id}"));
            }

            Show(created.Error!);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Statuses = [.. Enum.GetValues<AssetStatus>().Where(s => s != AssetStatus.Scrapped)];
    }
}
