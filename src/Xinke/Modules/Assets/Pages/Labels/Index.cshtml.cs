using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Labels;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Labels;

/// <summary>
/// Printable label sheets: the assets chosen by a list of tags or by the register's filters, a label
/// size, and the position on the first sheet to start at (labels already used are skipped). Each
/// label carries a QR code opening the scanned asset's page.
/// </summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class IndexModel(AssetLabels labels, AssetRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Tags { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssetStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Size { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Start { get; set; } = 1;

    /// <summary>Set by the form's print button: lay out the sheets.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public LabelPreset Preset { get; private set; } = LabelPreset.Default;

    public IReadOnlyList<IReadOnlyList<AssetLabel?>> Sheets { get; private set; } = [];

    public int LabelCount { get; private set; }

    public IReadOnlyList<AssetType> Types { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Departments { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Types = await register.TypesAsync(cancellationToken);
        Departments = await register.DepartmentNamesAsync(cancellationToken);
        Preset = LabelPreset.Find(Size) ?? LabelPreset.Default;
        Size = Preset.Code;
        Start = Math.Clamp(Start, 1, Preset.PerSheet);
        if (!Print)
        {
            return;
        }

        var origin = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var culture = CultureInfo.CurrentUICulture.Name;
        IReadOnlyList<AssetLabel> chosen;
        var tags = (Tags ?? string.Empty).Split([' ', ',', ';', '\n', '\r', '\t', '，'], StringSplitOptions.RemoveEmptyEntries);
        if (tags.Length > 0)
        {
            chosen = await labels.ForTagsAsync(tags, origin, culture, cancellationToken);
        }
        else
        {
            var type = Types.Any(t => t.Code == Type) ? Type : null;
            var found = await labels.ForFilterAsync(new AssetFilter(type, Status?.ToString(), DepartmentId, null, Location), Q, origin, culture, cancellationToken);
            chosen = found.Succeeded ? found.Value! : [];
        }

        LabelCount = chosen.Count;
        Sheets = LabelSheets.Layout(chosen, Preset, Start);
    }
}
