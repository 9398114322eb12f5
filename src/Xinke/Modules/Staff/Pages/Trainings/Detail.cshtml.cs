using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff.Pages.Trainings;

/// <summary>One session: its details, the attendance of the reader's scope, the enrol and results forms and its materials.</summary>
[RequirePermission(StaffPermissions.TrainingsRead)]
public sealed class DetailModel(
    TrainingService trainings,
    PeopleDirectory people,
    InformationSystems systems,
    AttachmentService attachments,
    CurrentCaller current,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public TrainingSessionDto? Session { get; private set; }

    public string? SystemName { get; private set; }

    public IReadOnlyList<AttendanceDto> Attendance { get; private set; } = [];

    public IReadOnlyDictionary<long, PersonSummary> People { get; private set; } = new Dictionary<long, PersonSummary>();

    public AttachmentsView? Files { get; private set; }

    public bool CanWrite { get; private set; }

    [BindProperty]
    public string? PersonIds { get; set; }

    [BindProperty]
    public long? PersonId { get; set; }

    [BindProperty]
    public AttendanceResult Result { get; set; } = AttendanceResult.Passed;

    [BindProperty]
    public decimal? Score { get; set; }

    [BindProperty]
    public DateOnly? CertificateExpiresOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(long id, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var part in (PersonIds ?? string.Empty).Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
            {
                ModelState.AddModelError(nameof(PersonIds), localizer[TrainingErrors.UnknownPerson]);
                return await ReloadAsync(id, cancellationToken);
            }

            ids.Add(personId);
        }

        return await ChangeAsync(id, await trainings.EnrolAsync(id, ids, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostResultsAsync(long id, CancellationToken cancellationToken)
    {
        var line = new ResultLine(PersonId ?? 0, Result.ToString(), Score, CertificateExpiresOn);
        return await ChangeAsync(id, await trainings.RecordResultsAsync(id, [line], cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(long id, Result<IReadOnlyList<TrainingAttendance>> changed, CancellationToken cancellationToken)
    {
        if (changed.Succeeded)
        {
            return Redirect($"/staff/trainings/{id}");
        }

        if (changed.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[changed.Error.Code, changed.Error.Arguments]);
        return await ReloadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var session = await trainings.FindSessionAsync(id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        Session = TrainingSessionDto.From(session);
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(StaffPermissions.TrainingsWrite) == true;
        SystemName = session.SystemId is { } system ? (await systems.FindAsync(system, cancellationToken))?.Name : null;
        Attendance = await (await trainings.VisibleAttendanceAsync(cancellationToken)).Where(a => a.SessionId == id).OrderBy(a => a.Id)
            .Select(a => AttendanceDto.From(a)).ToListAsync(cancellationToken);
        People = (await people.FindManyAsync([.. Attendance.Select(a => a.PersonId)], cancellationToken)).ToDictionary(p => p.Id);
        Files = new AttachmentsView(TrainingAttachments.OwnerType, id, await attachments.ListAsync(TrainingAttachments.OwnerType, id, cancellationToken), CanWrite, $"/staff/trainings/{id}");
        return true;
    }
}
