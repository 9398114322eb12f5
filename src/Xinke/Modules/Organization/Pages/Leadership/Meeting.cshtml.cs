using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.Leadership;

namespace Xinke.Modules.Organization.Pages.Leadership;

/// <summary>One meeting: its minutes, decisions with their follow-up, files; the forms to edit the draft, publish it and record decisions.</summary>
[RequirePermission(LeadershipPermissions.Read)]
public sealed class MeetingModel(LeadershipGroup group, AttachmentService attachments, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public MeetingDto? Meeting { get; private set; }

    public IReadOnlyList<DecisionDto> Decisions { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Names { get; private set; } = new Dictionary<long, string>();

    /// <summary>Whom a decision may be given to: active accounts of the group's members and of the IT department.</summary>
    public IReadOnlyList<(long Id, string Name)> Owners { get; private set; } = [];

    public IReadOnlyList<MemberDto> Members { get; private set; } = [];

    public AttachmentsView? Files { get; private set; }

    public bool CanWrite { get; private set; }

    [BindProperty]
    public long? ExpectedVersion { get; set; }

    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public List<long> AttendeeIds { get; set; } = [];

    [BindProperty]
    public string? Minutes { get; set; }

    [BindProperty]
    public string? DecisionText { get; set; }

    [BindProperty]
    public long? OwnerId { get; set; }

    [BindProperty]
    public DateOnly? DueDate { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, fillForm: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken cancellationToken) =>
        await WriteAsync(id, async () => (await group.EditMeetingAsync(id, new MeetingInput(HeldOn, Place, Title, AttendeeIds, Minutes ?? string.Empty), Expected, cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken) =>
        await WriteAsync(id, async () => (await group.PublishAsync(id, Expected, cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostDecisionAsync(long id, CancellationToken cancellationToken) =>
        await WriteAsync(id, async () => (await group.RecordDecisionAsync(id, new DecisionInput(DecisionText, OwnerId, DueDate), cancellationToken)).Error, cancellationToken);

    private Error? Expected(LeadershipMeeting meeting) =>
        meeting.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);

    private async Task<IActionResult> WriteAsync(long id, Func<Task<Error?>> change, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(LeadershipPermissions.Write) != true)
        {
            return Forbid();
        }

        var error = await change();
        if (error is null)
        {
            return Redirect($"/organization/leadership/meetings/{id}");
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[error.Code, error.Arguments] + (error.RequirementId is null ? string.Empty : $" ({error.RequirementId})"));
        return await LoadAsync(id, fillForm: false, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, bool fillForm, CancellationToken cancellationToken)
    {
        var meeting = await group.FindMeetingAsync(id, cancellationToken);
        if (meeting is null)
        {
            return false;
        }

        CanWrite = (await current.GetAsync(cancellationToken))?.Has(LeadershipPermissions.Write) == true;
        Meeting = MeetingDto.From(meeting);
        ExpectedVersion = meeting.Version;
        if (fillForm)
        {
            (HeldOn, Place, Title, AttendeeIds, Minutes) = (meeting.HeldOn, meeting.Place, meeting.Title, [.. meeting.AttendeeIds], meeting.Minutes);
        }

        var today = group.Today;
        var decisions = LeadershipApi.FilterDecisions(group, new DecisionFilter(MeetingId: id), null).Value!;
        Decisions = (await LeadershipApi.DecisionList.PageAsync(decisions, new ListRequest(Sort: "id", Limit: ListRequest.MaxLimit), d => DecisionDto.From(d, today), cancellationToken)).Value!.Items;
        Members = await LeadershipApi.MemberDtosAsync(group, await group.ActiveMembersAsync(meeting.HeldOn, cancellationToken), cancellationToken);
        Names = await group.AccountNamesAsync(meeting.AttendeeIds.Append(meeting.PublishedById ?? 0), cancellationToken);
        if (CanWrite)
        {
            var memberIds = Members.Select(m => m.AccountId).ToList();
            var itRoles = db.Set<Role>().Where(r => r.Name == BuiltInRoles.ItDirector || r.Name == BuiltInRoles.ItEngineer || r.Name == BuiltInRoles.DutyOperator).Select(r => r.Id);
            Owners = (await db.Set<Account>().AsNoTracking()
                    .Where(a => a.State == AccountState.Active && (memberIds.Contains(a.Id) || db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && itRoles.Contains(r.RoleId))))
                    .OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName }).ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.DisplayName)).ToList();
        }

        Files = new AttachmentsView(MeetingAttachments.OwnerType, id, await attachments.ListAsync(MeetingAttachments.OwnerType, id, cancellationToken), CanWrite && !meeting.IsPublished, $"/organization/leadership/meetings/{id}");
        return true;
    }

    public string Name(long id) => Names.TryGetValue(id, out var name) ? name : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
