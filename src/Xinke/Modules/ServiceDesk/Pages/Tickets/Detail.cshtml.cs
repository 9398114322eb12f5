using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Pages.Tickets;

/// <summary>
/// One ticket: its details, its timeline (internal comments for engineers only) and the verbs the
/// caller may use in its state: engineers work it, the reporter confirms, reopens and rates.
/// </summary>
[RequirePermission(ServiceDeskPermissions.TicketsRead)]
public sealed class DetailModel(TicketDesk desk, CurrentCaller current, HospitalClock hospital, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public TicketDto? Ticket { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public bool IsEngineer { get; private set; }

    public bool IsReporter { get; private set; }

    public bool AssignedToMe { get; private set; }

    public bool CanReopen { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool Internal { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Cause { get; set; }

    [BindProperty]
    public string? RootCause { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    [BindProperty]
    public int? Score { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommentAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.CommentAsync(id, Text, Internal, cancellationToken)).Error, cancellationToken);

    /// <summary>An engineer takes a ticket from the queue: it is assigned to them before they start.</summary>
    public Task<IActionResult> OnPostAssignSelfAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => await current.GetAsync(cancellationToken) is { } caller ? (await desk.AssignAsync(id, caller.Id, null, null, cancellationToken)).Error : null, cancellationToken);

    public Task<IActionResult> OnPostStartAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.StartAsync(id, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostPendAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.PendAsync(id, Reason, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.ResumeAsync(id, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostResolveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.ResolveAsync(id, Cause, RootCause, Resolution, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.CloseAsync(id, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.ConfirmAsync(id, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.ReopenAsync(id, Reason, null, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostRateAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.RateAsync(id, Score, Comment, null, cancellationToken)).Error, cancellationToken);

    public string Local(DateTime? utc) => PageTimes.Local(hospital, utc);

    private async Task<IActionResult> ActAsync(long id, Func<Task<Error?>> act, CancellationToken cancellationToken)
    {
        var error = await act();
        if (error is null)
        {
            return Redirect($"/servicedesk/tickets/detail?id={id}");
        }

        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Forbidden:
                return Forbid();
            default:
                ModelState.AddModelError(string.Empty, PageErrors.Message(localizer, error));
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var ticket = await desk.FindAsync(id, cancellationToken);
        var timeline = await desk.TimelineAsync(id, cancellationToken);
        if (caller is null || ticket is null || !timeline.Succeeded)
        {
            return false;
        }

        Ticket = TicketDto.From(ticket, await desk.AssetsOfAsync(id, cancellationToken));
        Timeline = timeline.Value!;
        IsEngineer = caller.Has(ServiceDeskPermissions.TicketsWork);
        IsReporter = ticket.ReporterAccountId == caller.Id;
        AssignedToMe = ticket.AssigneeAccountId == caller.Id;
        CanReopen = (IsReporter || IsEngineer) && desk.CanReopen(ticket);
        return true;
    }
}
