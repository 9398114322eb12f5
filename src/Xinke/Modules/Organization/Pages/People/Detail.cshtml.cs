using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Privacy;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Pages.People;

/// <summary>One person: their record, their account, and the status change (leaving disables the account).</summary>
[RequirePermission(OrganizationPermissions.PeopleRead)]
public sealed class DetailModel(PeopleService people, SensitiveViews sensitive, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PersonDto? Person { get; private set; }

    public bool CanWrite { get; private set; }

    [BindProperty]
    public PersonStatus NewStatus { get; set; }

    [BindProperty]
    public DateOnly? LeftOn { get; set; }

    [BindProperty]
    public long ExpectedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken cancellationToken)
    {
        var changed = await people.ChangeStatusAsync(
            id,
            new PersonStatusInput(NewStatus.ToString(), NewStatus == PersonStatus.Left ? LeftOn : null),
            p => p.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed),
            cancellationToken);
        if (changed.Succeeded)
        {
            return Redirect($"/organization/people/{id.ToString(CultureInfo.InvariantCulture)}");
        }

        if (changed.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[changed.Error.Code, changed.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null)
        {
            return false;
        }

        var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
        Person = (await PeopleApi.ToDtosAsync(db, lens, [person], cancellationToken))[0];
        await lens.RecordAsync(cancellationToken);
        var caller = (await current.GetAsync(cancellationToken))!;
        CanWrite = caller.Has(OrganizationPermissions.PeopleWrite) && await people.FindWritableAsync(id, cancellationToken);
        NewStatus = person.Status;
        ExpectedVersion = person.Version;
        return true;
    }
}
