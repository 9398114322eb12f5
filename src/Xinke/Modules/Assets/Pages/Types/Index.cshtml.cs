using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Pages.Requests;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Types;

/// <summary>The asset types: the built-in ones and the hospital's own; the IT director adds types and renames any.</summary>
[RequirePermission(AssetsPermissions.ManageTypes)]
public sealed class IndexModel(AssetRegister register, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<AssetType> Types { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public bool KeyDeviceByDefault { get; set; }

    [BindProperty]
    public bool IsWorkstation { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Types = await register.TypesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var created = AssetType.Create(Code, NameZh, NameEn, KeyDeviceByDefault, IsWorkstation);
        var added = created.Succeeded
            ? await AmbientTransaction.RunAsync(db, async () =>
            {
                var type = created.Value!;
                if (await db.Set<AssetType>().AnyAsync(t => t.Code == type.Code, cancellationToken))
                {
                    return Error.Conflict(AssetTypeErrors.CodeTaken, null, type.Code);
                }

                db.Add(type);
                await db.SaveChangesAsync(cancellationToken);
                return Result<AssetType>.Success(type);
            }, cancellationToken)
            : created.Error!;
        return await AnswerAsync(added.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(long id, CancellationToken cancellationToken)
    {
        var type = await db.Set<AssetType>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return NotFound();
        }

        var refused = type.Version != Version ? new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed) : type.Rename(NameZh, NameEn);
        if (refused is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return await AnswerAsync(refused, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Error? refused, CancellationToken cancellationToken)
    {
        if (refused is null)
        {
            return Redirect("/assets/types");
        }

        ModelState.AddModelError(refused.Field ?? string.Empty, PageErrors.Message(localizer, refused));
        db.ChangeTracker.Clear();
        Types = await register.TypesAsync(cancellationToken);
        return Page();
    }
}
