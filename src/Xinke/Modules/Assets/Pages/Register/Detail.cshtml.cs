using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Hosting;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>One asset: its fields, the systems it hosts, documents (EQ-07), timeline and the engineers' journal note form.</summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class DetailModel(
    AssetRegister register, AssetService service, AssetHosting hosting, InformationSystems systems, PeopleDirectory people, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AssetDto? Record { get; private set; }

    public string? TypeName { get; private set; }

    public PersonSummary? Responsible { get; private set; }

    public IReadOnlyList<AssetEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<Attachment> Documents { get; private set; } = [];

    public bool CanWrite { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<HostedSystem> Hosted { get; private set; } = [];

    /// <summary>The systems in service an engineer may link, with those already linked (retired or not).</summary>
    public IReadOnlyList<HostedSystem> SystemChoices { get; private set; } = [];

    [BindProperty]
    public List<long> SystemIds { get; set; } = [];

    /// <summary>The asset's version the hosting form was shown with.</summary>
    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Write) != true)
        {
            return Forbid();
        }

        var added = await service.AddNoteAsync(id, Note, cancellationToken);
        if (added.Succeeded)
        {
            return Redirect($"/assets/{id}");
        }

        if (added.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(nameof(Note), localizer[added.Error.Code, added.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSystemsAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Write) != true)
        {
            return Forbid();
        }

        var changed = await hosting.SetAsync(id, SystemIds, a => a.Version == Version ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed), cancellationToken);
        if (changed.Succeeded)
        {
            return Redirect($"/assets/{id}");
        }

        if (changed.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(nameof(SystemIds), localizer[changed.Error.Code, changed.Error.Arguments]);
        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var asset = await register.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return false;
        }

        var types = await register.TypesAsync(cancellationToken);
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Write) == true;
        Record = AssetDto.From(asset, types.ToDictionary(t => t.Id, t => t.Code), await register.DepartmentNamesAsync(cancellationToken));
        TypeName = types.FirstOrDefault(t => t.Id == asset.TypeId)?.NameIn(CultureInfo.CurrentUICulture.Name);
        Responsible = asset.ResponsiblePersonId is { } person ? await people.FindAsync(person, cancellationToken) : null;
        Timeline = await db.Set<AssetEvent>().AsNoTracking().Where(e => e.AssetId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(200).ToListAsync(cancellationToken);
        Version = asset.Version;
        Hosted = await hosting.SystemsOfAsync(id, cancellationToken);
        SystemChoices = CanWrite
            ? [.. (await systems.InServiceAsync(cancellationToken)).Select(s => new HostedSystem(s.Id, s.Code, s.Name)).UnionBy(Hosted, s => s.Id).OrderBy(s => s.Code, StringComparer.Ordinal)]
            : [];
        Documents = await db.Set<Attachment>().AsNoTracking().Where(f => f.OwnerType == AssetDocuments.OwnerType && f.OwnerId == id && f.VoidedAt == null).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return true;
    }
}
