using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Requests;

/// <summary>
/// One device request: what was asked, the approval's state, the devices handed out (n of m); the
/// requester may cancel it while pending; IT fulfils it from the store's devices of the type or closes it short.
/// </summary>
[RequirePermission(AssetsPermissions.ReadRequests)]
public sealed class DetailModel(
    AssetRequests requests, AssetRegister register, PeopleDirectory people, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int Choices = 200;

    public AssetRequest? Record { get; private set; }

    public PersonSummary? Person { get; private set; }

    public AssetType? Type { get; private set; }

    public string? Department { get; private set; }

    public ApprovalRequest? Approval { get; private set; }

    public IReadOnlyList<(long Id, string Tag)> HandedOut { get; private set; } = [];

    public IReadOnlyList<Asset> InStock { get; private set; } = [];

    public bool CanCancel { get; private set; }

    public bool CanFulfil { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public List<long> AssetIds { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The condition the devices of a temporary need leave in (their loans' condition out).</summary>
    [BindProperty]
    public string? Condition { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, requests.CancelAsync(id, Current, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostFulfilAsync(long id, CancellationToken cancellationToken) =>
        await RequireFulfilAsync(cancellationToken) ?? await ActAsync(id, requests.FulfilAsync(id, AssetIds, Condition, Current, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken) =>
        await RequireFulfilAsync(cancellationToken) ?? await ActAsync(id, requests.CloseAsync(id, Reason, Current, cancellationToken), cancellationToken);

    /// <summary>The version the form was shown with must still be the record's.</summary>
    private Error? Current(AssetRequest request) => request.Version == Version ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);

    private async Task<IActionResult?> RequireFulfilAsync(CancellationToken cancellationToken) =>
        (await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.FulfilRequests) == true ? null : Forbid();

    private async Task<IActionResult> ActAsync(long id, Task<Result<AssetRequest>> action, CancellationToken cancellationToken)
    {
        var done = await action;
        if (done.Succeeded)
        {
            return Redirect(AssetRequests.Link(id));
        }

        if (done.Error!.Kind == ErrorKind.NotFound && done.Error.Code == AssetRequestErrors.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, PageErrors.Message(localizer, done.Error));
        db.ChangeTracker.Clear();
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken cancellationToken)
    {
        Record = await requests.FindAsync(id, cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        var caller = await current.GetAsync(cancellationToken);
        Version = Record.Version;
        Person = await people.FindAsync(Record.PersonId, cancellationToken);
        Type = await register.TypeAsync(Record.TypeId, cancellationToken);
        Department = (await register.DepartmentNamesAsync(cancellationToken)).GetValueOrDefault(Record.DepartmentId);
        Approval = Record.ApprovalId is { } approval ? await db.Set<ApprovalRequest>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == approval, cancellationToken) : null;
        var ids = Record.Items.Select(i => i.AssetId).ToList();
        HandedOut = [.. (await db.Set<Asset>().AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Tag).Select(a => new { a.Id, a.Tag }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Tag))];
        CanCancel = Record.Status == AssetRequestStatus.PendingApproval && Record.FiledById == caller?.Id;
        CanFulfil = Record.Status == AssetRequestStatus.Approved && caller?.Has(AssetsPermissions.FulfilRequests) == true;
        InStock = CanFulfil ? await requests.InStockAsync(Record.TypeId, Choices, cancellationToken) : [];
        return Page();
    }
}
