using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Web;

namespace Xinke.Pages.Improvements;

/// <summary>One action: its record, and the forms its owner and verifier use to move it along.</summary>
[RequirePermission(ImprovementPermissions.Read)]
public sealed class DetailModel(ImprovementActions actions, AttachmentService attachments, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The action's evidence files, and the upload form for its owner while it is open.</summary>
    public AttachmentsView? Files { get; private set; }

    public ImprovementDto? Action { get; private set; }

    public IReadOnlyDictionary<long, string> People { get; private set; } = new Dictionary<long, string>();

    public Caller? Caller { get; private set; }

    /// <summary>The version the forms were rendered from: a change made meanwhile by someone else is refused.</summary>
    [BindProperty]
    public long? ExpectedVersion { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? AttachmentIds { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool IsOwner => Action is not null && Caller?.Id == Action.OwnerId;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostStartAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, actions.StartAsync(id, Expected, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken cancellationToken)
    {
        var attachments = ParseIds(AttachmentIds);
        if (attachments is null)
        {
            ModelState.AddModelError(nameof(AttachmentIds), localizer[ImprovementErrors.InvalidEvidence]);
            return ReloadAsync(id, cancellationToken);
        }

        return ChangeAsync(id, actions.SubmitAsync(id, Evidence, attachments, Expected, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostVerifyAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, actions.VerifyAsync(id, Expected, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, actions.ReopenAsync(id, Reason, Expected, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, actions.CancelAsync(id, Reason, Expected, cancellationToken), cancellationToken);

    private Error? Expected(ImprovementAction action) =>
        action.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);

    private static List<long>? ParseIds(string? text)
    {
        var ids = new List<long>();
        foreach (var part in (text ?? string.Empty).Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    private async Task<IActionResult> ChangeAsync(long id, Task<Result<ImprovementAction>> change, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            if (changed.Error!.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, localizer[changed.Error.Code, changed.Error.Arguments]);
            return await ReloadAsync(id, cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ReloadAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Caller = await current.GetAsync(cancellationToken);
        var action = await actions.FindAsync(id, cancellationToken);
        if (action is null)
        {
            return false;
        }

        Action = ImprovementDto.From(action, actions.Today);
        ExpectedVersion = action.Version;
        long?[] ids = [action.OwnerId, action.SubmittedById, action.VerifiedById, action.CreatedById, action.CancelledById];
        var people = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        People = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        var canAttach = Caller?.Id == action.OwnerId && action.Status is not (ImprovementStatus.Verified or ImprovementStatus.Cancelled);
        Files = new AttachmentsView(ImprovementAttachments.OwnerType, id, await attachments.ListAsync(ImprovementAttachments.OwnerType, id, cancellationToken), canAttach, $"/improvements/{id}");
        return true;
    }

    public string Person(long? id) => id is null ? "—" : People.TryGetValue(id.Value, out var name) ? name : id.Value.ToString(CultureInfo.InvariantCulture);
}
