using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>
/// Edits every field of a device; the version the form was shown with travels in a hidden field and a
/// stale one is refused (someone else saved in between), as If-Match is on the API.
/// </summary>
[RequirePermission(AssetsPermissions.Write)]
public sealed class EditModel(AssetService service, AssetRegister register, PeopleDirectory people, XinkeDb db, IStringLocalizer<SharedResource> localizer)
    : AssetFormPage(register, people, localizer)
{
    private readonly AssetRegister assets = register;
    private readonly PeopleDirectory directory = people;

    public override bool Editing => true;

    public long Id { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadForChangeAsync(id, AssetsPermissions.Write, cancellationToken);
        if (!loaded.Succeeded)
        {
            return NotFound();
        }

        var asset = loaded.Value!;
        var person = asset.ResponsiblePersonId is { } personId ? await directory.FindAsync(personId, cancellationToken) : null;
        Form = AssetForm.From(asset, person?.EmployeeNumber);
        Version = asset.Version;
        await LoadAsync(id, asset.Status, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var (found, person) = await ResponsibleAsync(cancellationToken);
        if (found)
        {
            var input = Form.ToInput(person);
            var edited = await service.EditAsync(
                id,
                _ => input,
                a => a.Version == Version ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed),
                cancellationToken);
            if (edited.Succeeded)
            {
                return Redirect(string.Create(CultureInfo.InvariantCulture, $"/assets/{id}"));
            }

            if (edited.Error!.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Show(edited.Error);
        }

        db.ChangeTracker.Clear();
        var current = await db.Set<Asset>().AsNoTracking().Where(a => a.Id == id).Select(a => (AssetStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        await LoadAsync(id, current ?? AssetStatus.InStock, cancellationToken);
        return Page();
    }

    /// <summary>An edit moves between the store and use only; any other status stays as it is (loans, repairs and scrapping have their own verbs).</summary>
    private async Task LoadAsync(long id, AssetStatus status, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadChoicesAsync(cancellationToken);
        Statuses = status is AssetStatus.InStock or AssetStatus.InUse ? [AssetStatus.InStock, AssetStatus.InUse] : [status];
    }
}
