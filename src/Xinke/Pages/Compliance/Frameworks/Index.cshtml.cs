using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Tuning;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance.Frameworks;

/// <summary>The frameworks assessed, the imported versions kept, and where the IT director imports one.</summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class IndexModel(ComplianceFrameworks frameworks, FrameworkTuning tuning, CurrentCaller current, HospitalClock hospital, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<RequirementCatalogue> Frameworks => frameworks.All;

    public IReadOnlyList<ImportedFramework> Imports { get; private set; } = [];

    public bool CanImport { get; private set; }

    public string? Problem { get; private set; }

    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!(await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Frameworks))
        {
            return Forbid();
        }

        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var imported = await tuning.ImportAsync(content, cancellationToken);
        if (imported.Succeeded)
        {
            return Redirect("/compliance/frameworks");
        }

        var error = imported.Error!;
        Problem = text[error.Code, error.Arguments].Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanImport = (await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Frameworks);
        Imports = await tuning.ImportsAsync(cancellationToken);
    }
}
