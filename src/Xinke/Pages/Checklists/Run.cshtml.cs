using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Checklists;

/// <summary>A run: one field per item in the form its type asks for, and completion.</summary>
[RequirePermission(ChecklistPermissions.Read)]
public sealed class RunModel(ChecklistService checklists, AttachmentService attachments, CurrentCaller current, HospitalClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The run's attachments, and the upload form while it is in progress.</summary>
    public AttachmentsView? Files { get; private set; }

    /// <summary>The images attached to the run, which photo items may point at.</summary>
    public IReadOnlyList<Attachment> Photos { get; private set; } = [];

    public ChecklistRun? Run { get; private set; }

    public TemplateView? Template { get; private set; }

    public bool CanRecord { get; private set; }

    [BindProperty]
    public List<ReadingForm> Readings { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(long id, CancellationToken cancellationToken)
    {
        if (!await checklists.CanReachRunAsync(id, ChecklistPermissions.Run, cancellationToken))
        {
            return NotFound();
        }

        var inputs = Readings
            .Where(r => !string.IsNullOrWhiteSpace(r.Value) || !string.IsNullOrWhiteSpace(r.Note) || r.PhotoAttachmentId is not null)
            .Select(r => new ReadingInput(r.ItemId, r.Value, r.Note, r.PhotoAttachmentId))
            .ToList();
        if (inputs.Count > 0)
        {
            var recorded = await checklists.RecordReadingsAsync(id, inputs, cancellationToken);
            if (!recorded.Succeeded)
            {
                ModelState.AddModelError(string.Empty, localizer[recorded.Error!.Code, recorded.Error.Arguments]);
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken cancellationToken)
    {
        if (!await checklists.CanReachRunAsync(id, ChecklistPermissions.Run, cancellationToken))
        {
            return NotFound();
        }

        var completed = await checklists.CompleteAsync(id, cancellationToken);
        if (!completed.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[completed.Error!.Code, completed.Error.Arguments]);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return RedirectToPage(new { id });
    }

    public ChecklistReading? ReadingOf(ChecklistItem item) => Run?.Readings.FirstOrDefault(r => r.ItemId == item.Id);

    public string Local(DateTime? utc) => utc is { } at ? clock.ToLocal(new DateTimeOffset(at, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Run = await (await checklists.VisibleRunsAsync(ChecklistPermissions.Read, cancellationToken)).Include(r => r.Readings).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (Run is null)
        {
            return false;
        }

        var revision = await checklists.RevisionOfRunAsync(Run, cancellationToken);
        Template = revision;
        CanRecord = Run.State == ChecklistRunState.InProgress && (await current.GetAsync(cancellationToken))?.Has(ChecklistPermissions.Run) == true;
        var files = await attachments.ListAsync(ChecklistRunAttachments.OwnerType, id, cancellationToken);
        Photos = [.. files.Where(f => !f.IsVoided && f.ContentType.StartsWith("image/", StringComparison.Ordinal))];
        Files = new AttachmentsView(ChecklistRunAttachments.OwnerType, id, files, CanRecord, $"/checklists/runs/{id}");
        return true;
    }

    public sealed class ReadingForm
    {
        public long ItemId { get; set; }

        public string? Value { get; set; }

        public string? Note { get; set; }

        public long? PhotoAttachmentId { get; set; }
    }
}
