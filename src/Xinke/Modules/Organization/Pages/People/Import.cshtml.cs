using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Pages.People;

/// <summary>Upload a staff list: a dry run first shows every rejected row; the import itself is strict or lenient.</summary>
[RequirePermission(OrganizationPermissions.PeopleImport)]
[Upload]
public sealed class ImportModel(Importer importer, PeopleImportProfile profile, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public new IFormFile? File { get; set; }

    [BindProperty]
    public ImportMode Mode { get; set; }

    [BindProperty]
    public bool DryRun { get; set; } = true;

    public ImportReport? Report { get; private set; }

    public IReadOnlyList<ImportColumn> Columns => profile.Columns;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (File is null || File.Length == 0)
        {
            ModelState.AddModelError(nameof(File), localizer[ImportErrors.FileMissing]);
            return Page();
        }

        await using var content = File.OpenReadStream();
        var report = await importer.RunAsync(profile, content, Mode, DryRun, cancellationToken);
        if (!report.Succeeded)
        {
            ModelState.AddModelError(nameof(File), localizer[report.Error!.Code, report.Error.Arguments]);
            return Page();
        }

        Report = report.Value;
        return Page();
    }
}
