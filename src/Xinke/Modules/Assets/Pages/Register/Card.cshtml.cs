using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>What a phone shows after scanning an asset's label: the essentials in one narrow column.</summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class CardModel(AssetRegister register) : PageModel
{
    public AssetDto? Record { get; private set; }

    public string? TypeName { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var asset = await register.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }

        var types = await register.TypesAsync(cancellationToken);
        Record = AssetDto.From(asset, types.ToDictionary(t => t.Id, t => t.Code), await register.DepartmentNamesAsync(cancellationToken));
        TypeName = types.FirstOrDefault(t => t.Id == asset.TypeId)?.NameIn(CultureInfo.CurrentUICulture.Name);
        return Page();
    }
}
