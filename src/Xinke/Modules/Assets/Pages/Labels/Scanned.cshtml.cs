using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Labels;

/// <summary>
/// What a phone opens from a label's QR code (<c>/assets/s/{tag}</c>): status, place and the person
/// answering for the device, and a way to report a fault. Signed-in readers only, within their
/// department scope (out of scope is not found).
/// </summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class ScannedModel(AssetRegister register, PeopleDirectory people) : PageModel
{
    /// <summary>The service desk's fault report form (it takes no asset, so the tag is shown to quote).</summary>
    public const string FaultReportPath = "/servicedesk/report";

    public Asset? Record { get; private set; }

    public string? TypeName { get; private set; }

    public string? Department { get; private set; }

    public PersonSummary? Responsible { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken cancellationToken)
    {
        var text = tag?.Trim() ?? string.Empty;
        Record = await (await register.VisibleAsync(AssetsPermissions.Read, cancellationToken)).SingleOrDefaultAsync(a => a.Tag == text, cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        TypeName = (await register.TypeAsync(Record.TypeId, cancellationToken))?.NameIn(CultureInfo.CurrentUICulture.Name);
        Department = (await register.DepartmentNamesAsync(cancellationToken)).GetValueOrDefault(Record.OwningDepartmentId);
        Responsible = Record.ResponsiblePersonId is { } person ? await people.FindAsync(person, cancellationToken) : null;
        return Page();
    }
}
