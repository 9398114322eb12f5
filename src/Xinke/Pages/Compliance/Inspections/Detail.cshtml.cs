using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Inspections;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance.Inspections;

/// <summary>
/// One self-inspection: the statuses seen, the comments, the material, the follow-up actions, and
/// the review by someone other than the inspector that makes the month done.
/// </summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class DetailModel(SelfInspections inspections, AttachmentService attachments, CurrentCaller current, XinkeDb db, HospitalClock hospital, IStringLocalizer<SharedResource> text) : PageModel
{
    public SelfInspectionDto Inspection { get; private set; } = null!;

    public AttachmentsView Files { get; private set; } = null!;

    public IReadOnlyDictionary<long, string> Names { get; private set; } = new Dictionary<long, string>();

    public bool CanInspect { get; private set; }

    public bool CanReview { get; private set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public FollowUpForm FollowUp { get; set; } = new();

    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(long id, CancellationToken cancellationToken)
    {
        if (!(await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Inspect))
        {
            return Forbid();
        }

        return await AfterAsync(id, (await inspections.RecordAsync(id, _ => null, cancellationToken)).Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostReviewAsync(long id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await inspections.ReviewAsync(id, cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostFollowUpAsync(long id, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        if (!caller.Has(EvidencePermissions.Inspect))
        {
            return Forbid();
        }

        var raised = await inspections.FollowUpAsync(id, new SelfInspectionFollowUpInput(FollowUp.Description, caller.Id, FollowUp.DueDate), cancellationToken);
        return await AfterAsync(id, raised.Error, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(long id, Error? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return Redirect($"/compliance/inspections/{id}");
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problem = text[error.Code, error.Arguments].Value + (error.RequirementId is null ? "" : $" ({error.RequirementId})");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await inspections.FindAsync(id, cancellationToken) is not { } inspection)
        {
            return false;
        }

        var caller = (await current.GetAsync(cancellationToken))!;
        Inspection = SelfInspectionDto.From(inspection, await inspections.FollowUpsAsync(id, cancellationToken), await inspections.ReviewOfAsync(inspection, cancellationToken));
        CanInspect = caller.Has(EvidencePermissions.Inspect);
        CanReview = Inspection.Review is { ReviewedAt: null } && caller.Id != inspection.InspectorAccountId;
        var people = new[] { inspection.InspectorAccountId, Inspection.Review?.ReviewerAccountId ?? 0 };
        Names = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        Files = new AttachmentsView(SelfInspection.OwnerType, id, await attachments.ListAsync(SelfInspection.OwnerType, id, cancellationToken), CanInspect && !inspection.IsRecorded, $"/compliance/inspections/{id}");
        return true;
    }

    public sealed class FollowUpForm
    {
        public string? Description { get; set; }

        public DateOnly? DueDate { get; set; }
    }
}
