using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>The IT leadership group: <c>/api/v1/leadership/members|meetings|decisions</c>.</summary>
public static class LeadershipApi
{
    public static readonly ListDefinition<GroupMember> MemberList = new ListDefinition<GroupMember>("leadership-members", m => m.Id, "position")
        .SortBy("id", m => m.Id)
        .SortBy("position", m => m.Position)
        .SortBy("from", m => m.From);

    public static readonly ListDefinition<LeadershipMeeting> MeetingList = new ListDefinition<LeadershipMeeting>("leadership-meetings", m => m.Id, "-heldOn")
        .SortBy("id", m => m.Id)
        .SortBy("heldOn", m => m.HeldOn);

    public static readonly ListDefinition<DecisionRow> DecisionList = new ListDefinition<DecisionRow>("leadership-decisions", d => d.Id, "dueDate")
        .SortBy("id", d => d.Id)
        .SortBy("dueDate", d => d.DueDate)
        .SortBy("recordedAt", d => d.RecordedAt);

    public static readonly ExportColumn<LeadershipMeeting>[] MeetingColumns =
    [
        new("leadership.meeting.code", m => m.Code),
        new("leadership.meeting.held_on", m => m.HeldOn),
        new("leadership.meeting.place", m => m.Place),
        new("leadership.meeting.title", m => m.Title),
        new("leadership.meeting.status", m => m.Status.ToString()),
        new("leadership.meeting.minutes", m => m.Minutes),
        new("leadership.meeting.published_at", m => m.PublishedAt),
    ];

    public static readonly ExportColumn<DecisionRow>[] DecisionColumns =
    [
        new("leadership.meeting.code", d => d.MeetingCode),
        new("leadership.decision.text", d => d.Text),
        new("leadership.decision.owner", d => d.OwnerName),
        new("leadership.decision.due_date", d => d.DueDate),
        new("leadership.decision.action", d => d.ActionCode),
        new("leadership.decision.action_status", d => d.ActionStatus?.ToString()),
    ];

    public static WebApplication MapLeadershipApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/leadership").WithTags("Leadership");
        group.MapGet("/members", ListMembersAsync).RequirePermission(LeadershipPermissions.Read).WithName("ListLeadershipMembers").WithSummary("The leadership group's members, past and present (?active=true for those in office).");
        group.MapPost("/members", AddMemberAsync).RequirePermission(LeadershipPermissions.Write).WithName("AddLeadershipMember").WithSummary("Add an account to the group in a position (leader, deputy, member, secretary).");
        group.MapPost("/members/{id:long}/end", EndMembershipAsync).RequirePermission(LeadershipPermissions.Write).WithName("EndLeadershipMembership").WithSummary("End a membership on a day, saying why; the record is kept.");
        group.MapGet("/meetings", ListMeetingsAsync).RequirePermission(LeadershipPermissions.Read).WithName("ListLeadershipMeetings").WithSummary("The group's meetings, filtered by status or year.");
        group.MapGet("/meetings/export", ExportMeetingsAsync).RequirePermission(LeadershipPermissions.Read).WithName("ExportLeadershipMeetings").WithSummary("Export the meetings the same filters select (xlsx or csv).");
        group.MapGet("/meetings/{id:long}", GetMeetingAsync).RequirePermission(LeadershipPermissions.Read).WithName("GetLeadershipMeeting").WithSummary("One meeting with its minutes.");
        group.MapPost("/meetings", CreateMeetingAsync).RequirePermission(LeadershipPermissions.Write).WithName("CreateLeadershipMeeting").WithSummary("Record a meeting (a draft until its minutes are published).");
        group.MapPatch("/meetings/{id:long}", EditMeetingAsync).RequirePermission(LeadershipPermissions.Write).WithName("EditLeadershipMeeting").WithSummary("Change a draft meeting (If-Match); published minutes are refused.");
        group.MapPost("/meetings/{id:long}/publish", PublishAsync).RequirePermission(LeadershipPermissions.Write).WithName("PublishLeadershipMinutes").WithSummary("Publish the minutes: from then on they never change.");
        group.MapPost("/meetings/{id:long}/decisions", RecordDecisionAsync).RequirePermission(LeadershipPermissions.Write).WithName("RecordLeadershipDecision").WithSummary("Record a decision with its owner and due date; raises the improvement action that follows it up.");
        group.MapGet("/decisions", ListDecisionsAsync).RequirePermission(LeadershipPermissions.Read).WithName("ListLeadershipDecisions").WithSummary("Decisions with the state of their follow-up action (?open=&overdue=&meetingId=&ownerId=).");
        group.MapGet("/decisions/export", ExportDecisionsAsync).RequirePermission(LeadershipPermissions.Read).WithName("ExportLeadershipDecisions").WithSummary("Export the decisions the same filters select (xlsx or csv).");

        // The menu entry comes with the API, so the module takes one line of Program.cs.
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.leadership", "/organization/leadership", 200, LeadershipPermissions.Read));
        return app;
    }

    public static IQueryable<GroupMember> FilterMembers(LeadershipGroup group, MemberFilter filter)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(filter);
        var today = group.Today;
        return filter.Active switch
        {
            true => group.Members().Where(m => m.From <= today && (m.Until == null || m.Until >= today)),
            false => group.Members().Where(m => m.From > today || (m.Until != null && m.Until < today)),
            null => group.Members(),
        };
    }

    public static Result<IQueryable<LeadershipMeeting>> FilterMeetings(LeadershipGroup group, MeetingFilter filter, string? q)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = group.Meetings();
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<MeetingStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(filter.Status, out _))
            {
                return Error.Invalid(LeadershipErrors.InvalidStatus, "status");
            }

            query = query.Where(m => m.Status == status);
        }

        if (filter.Year is { } year)
        {
            if (year is < 2000 or > 2100)
            {
                return Error.Invalid(LeadershipErrors.InvalidDates, "year");
            }

            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(m => m.HeldOn >= first && m.HeldOn <= last);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(m => m.Code.Contains(q) || m.Title.Contains(q) || (m.Minutes != null && m.Minutes.Contains(q)));
        }

        return Result<IQueryable<LeadershipMeeting>>.Success(query);
    }

    public static Result<IQueryable<DecisionRow>> FilterDecisions(LeadershipGroup group, DecisionFilter filter, string? q)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = group.Decisions();
        if (filter.Open is { } open)
        {
            query = open
                ? query.Where(d => d.ActionStatus == null || (d.ActionStatus != ImprovementStatus.Verified && d.ActionStatus != ImprovementStatus.Cancelled))
                : query.Where(d => d.ActionStatus == ImprovementStatus.Verified || d.ActionStatus == ImprovementStatus.Cancelled);
        }

        if (filter.Overdue is { } overdue)
        {
            var today = group.Today;
            query = overdue
                ? query.Where(d => (d.ActionStatus == null || (d.ActionStatus != ImprovementStatus.Verified && d.ActionStatus != ImprovementStatus.Cancelled)) && d.DueDate < today)
                : query.Where(d => d.ActionStatus == ImprovementStatus.Verified || d.ActionStatus == ImprovementStatus.Cancelled || d.DueDate >= today);
        }

        if (filter.MeetingId is { } meeting)
        {
            query = query.Where(d => d.MeetingId == meeting);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(d => d.OwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(d => d.Text.Contains(q) || d.MeetingCode.Contains(q));
        }

        return Result<IQueryable<DecisionRow>>.Success(query);
    }

    public static async Task<IReadOnlyList<MemberDto>> MemberDtosAsync(LeadershipGroup group, IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(members);
        var names = await group.AccountNamesAsync(members.Select(m => m.AccountId), cancellationToken);
        var today = group.Today;
        return [.. members.Select(m => new MemberDto(m.Id, m.AccountId, names.GetValueOrDefault(m.AccountId), m.Position, m.From, m.Until, m.EndReason, m.IsActiveOn(today), m.Version))];
    }

    private static async Task<Results<Ok<Page<MemberDto>>, ProblemHttpResult>> ListMembersAsync([AsParameters] ListRequest request, [AsParameters] MemberFilter filter, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var page = await MemberList.PageAsync(FilterMembers(group, filter), request, m => m, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        return TypedResults.Ok(new Page<MemberDto>(await MemberDtosAsync(group, page.Value!.Items, cancellationToken), page.Value.NextCursor));
    }

    private static async Task<Results<Created<MemberDto>, ProblemHttpResult>> AddMemberAsync(MemberInput input, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var added = await group.AddMemberAsync(input, cancellationToken);
        if (!added.Succeeded)
        {
            return ApiProblems.From(http, added.Error!);
        }

        var dto = (await MemberDtosAsync(group, [added.Value!], cancellationToken))[0];
        return TypedResults.Created($"/api/v1/leadership/members/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> EndMembershipAsync(long id, EndMembershipInput input, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var ended = await group.EndMembershipAsync(id, input, cancellationToken);
        return ended.Succeeded ? TypedResults.Ok((await MemberDtosAsync(group, [ended.Value!], cancellationToken))[0]) : ApiProblems.From(http, ended.Error!);
    }

    private static async Task<Results<Ok<Page<MeetingDto>>, ProblemHttpResult>> ListMeetingsAsync([AsParameters] ListRequest request, [AsParameters] MeetingFilter filter, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var query = FilterMeetings(group, filter, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await MeetingList.PageAsync(query.Value!, request, MeetingDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static IResult ExportMeetingsAsync([AsParameters] ListRequest request, [AsParameters] MeetingFilter filter, string? format, LeadershipGroup group, HttpContext http) =>
        ListExports.Of(http, format, FilterMeetings(group, filter, request.Q), MeetingList, request, MeetingColumns, "leadership-meetings");

    private static async Task<Results<Ok<MeetingDto>, NotFound>> GetMeetingAsync(long id, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var meeting = await group.FindMeetingAsync(id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, meeting.Version);
        return TypedResults.Ok(MeetingDto.From(meeting));
    }

    private static async Task<Results<Created<MeetingDto>, ProblemHttpResult>> CreateMeetingAsync(MeetingInput input, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await group.CreateMeetingAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/leadership/meetings/{created.Value.Id}", MeetingDto.From(created.Value));
    }

    private static Task<Results<Ok<MeetingDto>, ProblemHttpResult>> EditMeetingAsync(long id, MeetingInput patch, LeadershipGroup group, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(group.EditMeetingAsync(id, patch, m => Versioning.Expect(http.Request, db.Entry(m)), cancellationToken), http);

    /// <summary>Publishing takes an optional If-Match: a client that sends one is refused on a stale version.</summary>
    private static Task<Results<Ok<MeetingDto>, ProblemHttpResult>> PublishAsync(long id, LeadershipGroup group, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(group.PublishAsync(id, m => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(m)), cancellationToken), http);

    private static async Task<Results<Created<DecisionDto>, ProblemHttpResult>> RecordDecisionAsync(long id, DecisionInput input, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var recorded = await group.RecordDecisionAsync(id, input, cancellationToken);
        if (!recorded.Succeeded)
        {
            return ApiProblems.From(http, recorded.Error!);
        }

        var row = await group.Decisions().SingleAsync(d => d.Id == recorded.Value!.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/leadership/decisions?meetingId={id}", DecisionDto.From(row, group.Today));
    }

    private static async Task<Results<Ok<Page<DecisionDto>>, ProblemHttpResult>> ListDecisionsAsync([AsParameters] ListRequest request, [AsParameters] DecisionFilter filter, LeadershipGroup group, HttpContext http, CancellationToken cancellationToken)
    {
        var query = FilterDecisions(group, filter, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var today = group.Today;
        var page = await DecisionList.PageAsync(query.Value!, request, d => DecisionDto.From(d, today), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static IResult ExportDecisionsAsync([AsParameters] ListRequest request, [AsParameters] DecisionFilter filter, string? format, LeadershipGroup group, HttpContext http) =>
        ListExports.Of(http, format, FilterDecisions(group, filter, request.Q), DecisionList, request, DecisionColumns, "leadership-decisions");

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> RespondAsync(Task<Result<LeadershipMeeting>> change, HttpContext http)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(MeetingDto.From(changed.Value));
    }
}
