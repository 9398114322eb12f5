using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Modules.Assets.Import;

namespace Xinke.Modules.Assets.Pages.Import;

/// <summary>Upload an inventory: a dry run first shows every rejected row by number; the import itself is strict or lenient, and a malformed file imports nothing.</summary>
[RequirePermission(AssetsPermissions.Import)]
[Upload]
public sealed class IndexModel(Importer importer, AssetImportProfile profile, IStringLocalizer<SharedResource> localizer) : PageModel
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
