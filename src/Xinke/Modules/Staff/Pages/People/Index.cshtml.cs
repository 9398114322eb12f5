using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff.Pages.People;

/// <summary>
/// A person's standing for the activation decision (ACC-01): training history, whether a system-use
/// training was passed and whether the current agreement was accepted; signed scans are uploaded here.
/// </summary>
[RequirePermission(StaffPermissions.TrainingsRead)]
public sealed class IndexModel(
    TrainingService trainings,
    TrainingRecords records,
    AgreementService agreements,
    AgreementRecords agreementRecords,
    StaffScope staffScope,
    AttachmentService attachments,
    CurrentCaller current,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PersonSummary? Person { get; private set; }

    public IReadOnlyList<TrainingHistoryLine> History { get; private set; } = [];

    public bool SystemUsePassed { get; private set; }

    public AgreementVersion? Current { get; private set; }

    public AgreementAcceptance? Acceptance { get; private set; }

    public IReadOnlyList<AgreementAcceptance> Acceptances { get; private set; } = [];

    public AttachmentsView? Scans { get; private set; }

    public bool CanRecordScan { get; private set; }

    [BindProperty]
    public long? AttachmentId { get; set; }

    [BindProperty]
    public DateOnly? SignedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScanAsync(long id, CancellationToken cancellationToken)
    {
        var version = await agreements.CurrentAsync(cancellationToken);
        var recorded = await agreements.RecordScanAsync(new ScanInput(id, version?.Id, AttachmentId, SignedOn), cancellationToken);
        if (recorded.Succeeded)
        {
            return Redirect($"/staff/people/{id}");
        }

        ModelState.AddModelError(string.Empty, localizer[recorded.Error!.Code, recorded.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Person = await staffScope.ReachablePersonAsync(id, StaffPermissions.TrainingsRead, cancellationToken);
        var history = await trainings.HistoryAsync(id, cancellationToken);
        if (Person is null || history is null)
        {
            return false;
        }

        History = history;
        SystemUsePassed = await records.HasPassedAsync(id, TrainingKind.SystemUse, null, trainings.Today, cancellationToken);
        Current = await agreements.CurrentAsync(cancellationToken);
        Acceptance = await agreementRecords.AcceptanceOfCurrentAsync(id, cancellationToken);
        Acceptances = await (await agreements.VisibleAcceptancesAsync(cancellationToken)).Include(a => a.Version).Where(a => a.PersonId == id)
            .OrderByDescending(a => a.AcceptedAt).ToListAsync(cancellationToken);
        var caller = await current.GetAsync(cancellationToken);
        CanRecordScan = caller?.Has(StaffPermissions.AgreementsWrite) == true
            && await staffScope.ReachablePersonAsync(id, StaffPermissions.AgreementsWrite, cancellationToken) is not null;
        if (caller?.Has(StaffPermissions.AgreementsRead) == true)
        {
            Scans = new AttachmentsView(AgreementScanAttachments.OwnerType, id, await attachments.ListAsync(AgreementScanAttachments.OwnerType, id, cancellationToken), CanRecordScan, $"/staff/people/{id}");
        }

        return true;
    }
}
