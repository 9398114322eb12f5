using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Obligations;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>A change an API or page asks for on a meeting, and the precondition (If-Match) it must pass first.</summary>
public delegate Error? MeetingPrecondition(LeadershipMeeting meeting);

/// <summary>
/// The IT leadership group's use cases (ORG-01): its members, its meetings and their minutes,
/// and its decisions, each followed up as an improvement action of its owner. One transaction each.
/// </summary>
public sealed class LeadershipGroup(XinkeDb db, HumanCodes codes, TimeProvider clock, HospitalClock hospital, CurrentCaller current, ImprovementActions improvements, ObligationRecords obligations)
{
    /// <summary>What a published meeting reports to the obligations (the group's periodic meeting).</summary>
    public const string MeetingEvidenceKind = "leadership.meeting";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public IQueryable<GroupMember> Members() => db.Set<GroupMember>().AsNoTracking();

    public IQueryable<LeadershipMeeting> Meetings() => db.Set<LeadershipMeeting>().AsNoTracking();

    /// <summary>Decisions with their meeting, owner and the state of the action that follows each up.</summary>
    public IQueryable<DecisionRow> Decisions() =>
        from d in db.Set<LeadershipDecision>().AsNoTracking()
        join m in db.Set<LeadershipMeeting>() on d.MeetingId equals m.Id
        join a in db.Set<ImprovementAction>() on d.ImprovementActionId equals a.Id into actions
        from a in actions.DefaultIfEmpty()
        select new DecisionRow
        {
            Id = d.Id,
            MeetingId = d.MeetingId,
            MeetingCode = m.Code,
            HeldOn = m.HeldOn,
            Text = d.Text,
            OwnerId = d.OwnerId,
            OwnerName = db.Set<Account>().Where(o => o.Id == d.OwnerId).Select(o => o.DisplayName).FirstOrDefault(),
            DueDate = d.DueDate,
            RecordedAt = d.RecordedAt,
            ActionId = a == null ? null : a.Id,
            ActionCode = a == null ? null : a.Code,
            ActionStatus = a == null ? null : a.Status,
        };

    public Task<LeadershipMeeting?> FindMeetingAsync(long id, CancellationToken cancellationToken) =>
        Meetings().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The display names of accounts, for lists and pages.</summary>
    public async Task<IReadOnlyDictionary<long, string>> AccountNamesAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Account>().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
    }

    /// <summary>The members in office on <paramref name="day"/>, leader first.</summary>
    public async Task<IReadOnlyList<GroupMember>> ActiveMembersAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await Members().Where(m => m.From <= day && (m.Until == null || m.Until >= day)).ToListAsync(cancellationToken))
            .OrderBy(m => m.Position).ThenBy(m => m.From).ToList();

    public async Task<Result<GroupMember>> AddMemberAsync(MemberInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.AccountId is not { } accountId || !await db.Set<Account>().AnyAsync(a => a.Id == accountId && a.State != AccountState.Disabled, cancellationToken))
        {
            return Error.Invalid(LeadershipErrors.UnknownAccount, "accountId");
        }

        if (!Enum.TryParse<GroupPosition>(input.Position, ignoreCase: true, out var position) || !Enum.IsDefined(position) || int.TryParse(input.Position, out _))
        {
            return Error.Invalid(LeadershipErrors.InvalidPosition, "position");
        }

        var from = input.From ?? Today;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var current = await db.Set<GroupMember>().Where(m => m.Until == null || m.Until >= from).ToListAsync(cancellationToken);
            if (current.Any(m => m.AccountId == accountId))
            {
                return Error.Conflict(LeadershipErrors.AlreadyMember);
            }

            if (position == GroupPosition.Leader && current.Any(m => m.Position == GroupPosition.Leader))
            {
                return Error.Conflict(LeadershipErrors.LeaderExists, LeadershipErrors.Requirement);
            }

            var member = new GroupMember { AccountId = accountId, Position = position, From = from, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            return Result<GroupMember>.Success(member);
        }, cancellationToken);
    }

    public async Task<Result<GroupMember>> EndMembershipAsync(long id, EndMembershipInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await db.Set<GroupMember>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return Error.NotFound(LeadershipErrors.MemberNotFound);
        }

        if (member.End(input.Until ?? Today, input.Reason) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    public async Task<Result<LeadershipMeeting>> CreateMeetingAsync(MeetingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.HeldOn is not { } heldOn)
        {
            return Error.Invalid(LeadershipErrors.InvalidDates, "heldOn");
        }

        if (!LeadershipMeeting.ValidTitle(input.Title))
        {
            return Error.Invalid(LeadershipErrors.InvalidTitle, "title");
        }

        if (!LeadershipMeeting.ValidPlace(input.Place))
        {
            return Error.Invalid(LeadershipErrors.InvalidPlace, "place");
        }

        if (input.Minutes?.Length > LeadershipMeeting.MinutesMaxLength)
        {
            return Error.Invalid(LeadershipErrors.InvalidMinutes, "minutes");
        }

        var attendees = input.AttendeeIds ?? [];
        if (await AttendeesErrorAsync(attendees, heldOn, cancellationToken) is { } wrong)
        {
            return wrong;
        }

        var creator = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var meeting = new LeadershipMeeting
            {
                Code = await codes.NextAsync(LeadershipMeeting.CodeKind, heldOn.Year, cancellationToken),
                HeldOn = heldOn,
                Place = input.Place!.Trim(),
                Title = input.Title!.Trim(),
                Attendees = LeadershipMeeting.JoinIds(attendees),
                Minutes = string.IsNullOrWhiteSpace(input.Minutes) ? null : input.Minutes.Trim(),
                Status = MeetingStatus.Draft,
                CreatedById = creator?.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            return Result<LeadershipMeeting>.Success(meeting);
        }, cancellationToken);
    }

    public Task<Result<LeadershipMeeting>> EditMeetingAsync(long id, MeetingInput patch, MeetingPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeMeetingAsync(id, precondition, async (meeting, _) =>
        {
            ArgumentNullException.ThrowIfNull(patch);
            if (!meeting.IsPublished && patch.AttendeeIds is not null && await AttendeesErrorAsync(patch.AttendeeIds, patch.HeldOn ?? meeting.HeldOn, cancellationToken) is { } wrong)
            {
                return wrong;
            }

            return meeting.Edit(patch.HeldOn, patch.Place, patch.Title, patch.AttendeeIds, patch.Minutes);
        }, cancellationToken);

    /// <summary>Publishes the minutes and reports the meeting to the obligations, in one transaction.</summary>
    public Task<Result<LeadershipMeeting>> PublishAsync(long id, MeetingPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeMeetingAsync(id, precondition, (meeting, actorId) => PublishAndReportAsync(meeting, actorId, cancellationToken), cancellationToken);

    /// <summary>Publishes on behalf of <paramref name="actorId"/> where there is no signed-in caller (the demo seeder).</summary>
    public Task<Result<LeadershipMeeting>> PublishAsAsync(long id, long actorId, CancellationToken cancellationToken) =>
        ChangeMeetingAsAsync(id, actorId, null, (meeting, actor) => PublishAndReportAsync(meeting, actor, cancellationToken), cancellationToken);

    /// <summary>
    /// Records a decision of a meeting (published or not: a correction is a new decision) and
    /// raises the improvement action that follows it up, owned by the decision's owner, in the same transaction.
    /// </summary>
    public async Task<Result<LeadershipDecision>> RecordDecisionAsync(long meetingId, DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meeting = await FindMeetingAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return Error.NotFound(LeadershipErrors.MeetingNotFound);
        }

        if (!LeadershipDecision.ValidText(input.Text))
        {
            return Error.Invalid(LeadershipErrors.InvalidDecision, "text");
        }

        if (input.OwnerId is not { } ownerId)
        {
            return Error.Invalid(ImprovementErrors.UnknownOwner, "ownerId");
        }

        if (input.DueDate is not { } due)
        {
            return Error.Invalid(ImprovementErrors.InvalidDueDate, "dueDate");
        }

        var recorder = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var decision = new LeadershipDecision
            {
                MeetingId = meeting.Id,
                Text = input.Text!.Trim(),
                OwnerId = ownerId,
                DueDate = due,
                RecordedById = recorder?.Id,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            var label = string.Create(CultureInfo.InvariantCulture, $"{meeting.Code} {meeting.Title}");
            var source = new ImprovementSource(ImprovementSourceKind.Decision, "leadership", "decision", decision.Id, label.Length > ImprovementSource.LabelMaxLength ? label[..ImprovementSource.LabelMaxLength] : label);
            var raised = await improvements.RaiseAsync(source, decision.Text, ownerId, due, cancellationToken);
            if (!raised.Succeeded)
            {
                return raised.Error!;
            }

            decision.ImprovementActionId = raised.Value!.Id;
            await db.SaveChangesAsync(cancellationToken);
            return Result<LeadershipDecision>.Success(decision);
        }, cancellationToken);
    }

    private async Task<Error?> AttendeesErrorAsync(IReadOnlyList<long> attendees, DateOnly heldOn, CancellationToken cancellationToken)
    {
        var wanted = attendees.Distinct().ToList();
        if (wanted.Count > LeadershipMeeting.MaxAttendees)
        {
            return Error.Invalid(LeadershipErrors.InvalidAttendees, "attendeeIds");
        }

        var members = await db.Set<GroupMember>().CountAsync(m => wanted.Contains(m.AccountId) && m.From <= heldOn && (m.Until == null || m.Until >= heldOn), cancellationToken);
        return members == wanted.Count ? null : Error.Invalid(LeadershipErrors.InvalidAttendees, "attendeeIds");
    }

    private async Task<Error?> PublishAndReportAsync(LeadershipMeeting meeting, long actorId, CancellationToken cancellationToken)
    {
        if (meeting.Publish(actorId, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        var heldAt = new DateTimeOffset(hospital.StartOfDayUtc(meeting.HeldOn), TimeSpan.Zero);
        await obligations.ReportAsync(new ObligationEvidence(MeetingEvidenceKind, null, null, heldAt, actorId, meeting.Code), cancellationToken);
        return null;
    }

    private async Task<Result<LeadershipMeeting>> ChangeMeetingAsync(long id, MeetingPrecondition? precondition, Func<LeadershipMeeting, long, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        return caller is null
            ? Error.Unauthenticated("request.unauthenticated")
            : await ChangeMeetingAsAsync(id, caller.Id, precondition, change, cancellationToken);
    }

    private async Task<Result<LeadershipMeeting>> ChangeMeetingAsAsync(long id, long actorId, MeetingPrecondition? precondition, Func<LeadershipMeeting, long, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var meeting = await db.Set<LeadershipMeeting>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Error.NotFound(LeadershipErrors.MeetingNotFound);
        }

        if (precondition?.Invoke(meeting) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(meeting, actorId) is { } refused)
            {
                return refused;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<LeadershipMeeting>.Success(meeting);
        }, cancellationToken);
    }
}
