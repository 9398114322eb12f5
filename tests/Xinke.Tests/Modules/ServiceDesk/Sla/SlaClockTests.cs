using Microsoft.Extensions.Options;
using Xinke.Kernel;
using Xinke.Kernel.Calendar;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Tests.Modules.ServiceDesk.Sla;

/// <summary>
/// The SLA clock derived from a ticket's history, against the office calendar (Monday–Friday
/// 08:00–12:00 and 14:00–17:30 in Beijing, 450 minutes a day, with the 2026 statutory holidays and
/// make-up working days) and 7×24. Times in the tests are Beijing times; "now" is the fake clock.
/// </summary>
public sealed class SlaClockTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly Dictionary<TicketPriority, SlaTarget> Targets = new()
    {
        [TicketPriority.P1] = new(15, 240),
        [TicketPriority.P3] = new(60, 600),
        [TicketPriority.P4] = new(120, 1440),
    };

    private readonly BusinessCalendars calendars = new(new HospitalClock(Options.Create(new HospitalOptions())));

    private BusinessCalendar Office => calendars[BusinessCalendars.Office];

    [Fact]
    [Trait("Req", "OPS-07")]
    public void Pending_time_is_not_counted()
    {
        List<TicketStatusChange> history =
        [
            Row(1, "2026-03-02 09:00", null, TicketStatus.New),
            Row(2, "2026-03-02 09:30", TicketStatus.New, TicketStatus.InProgress),
            Row(3, "2026-03-02 10:00", TicketStatus.InProgress, TicketStatus.Pending),
            Row(4, "2026-03-02 15:00", TicketStatus.Pending, TicketStatus.InProgress),
        ];

        var state = SlaClock.Compute(history, Targets, Office, At("2026-03-02 17:30"));

        // Response: 09:00 → 09:30 = 30 min. Resolution: 09:00–10:00 = 60, pending 10:00–15:00 skipped, 15:00–17:30 = 150 → 210.
        Assert.Equal(TimeSpan.FromMinutes(30), state.ResponseElapsed);
        Assert.Equal(TimeSpan.FromMinutes(210), state.ResolutionElapsed);

        // 600 − 60 = 540 left at 15:00: 150 today, 240 Tue morning, 150 from 14:00 → Tue 16:30.
        Assert.Equal(At("2026-03-03 16:30"), state.ResolutionDueAt);
        Assert.False(state.ResolutionBreached);
        Assert.False(state.ResponseBreached);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void While_pending_there_is_no_due_time_and_no_breach()
    {
        List<TicketStatusChange> history =
        [
            Row(1, "2026-03-02 09:00", null, TicketStatus.New),
            Row(2, "2026-03-02 09:10", TicketStatus.New, TicketStatus.InProgress),
            Row(3, "2026-03-02 10:00", TicketStatus.InProgress, TicketStatus.Pending),
        ];

        // A week later, still waiting for the vendor: only 09:00–10:00 counts.
        var state = SlaClock.Compute(history, Targets, Office, At("2026-03-09 10:00"));

        Assert.Equal(TimeSpan.FromMinutes(60), state.ResolutionElapsed);
        Assert.Null(state.ResolutionDueAt);
        Assert.False(state.ResolutionBreached);
        Assert.False(state.ResolutionRunning);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void The_clock_skips_the_national_day_holiday_and_counts_the_make_up_saturday()
    {
        // Opened Wednesday 30 September at 16:30, P4 (1440 business minutes to resolve).
        List<TicketStatusChange> history =
        [
            Row(1, "2026-09-30 16:30", null, TicketStatus.New, TicketPriority.P4),
            Row(2, "2026-09-30 16:40", TicketStatus.New, TicketStatus.InProgress, TicketPriority.P4),
        ];

        // Sep 30: 16:30–17:30 = 60. Oct 1–7 (国庆, with the weekend Oct 3–4) are off. Oct 8 Thu = 450 → 510,
        // Oct 9 Fri = 450 → 960, Sat Oct 10 is a make-up working day: 08:00–12:00 = 240 → 1200 at noon.
        var saturdayNoon = SlaClock.Compute(history, Targets, Office, At("2026-10-10 12:00"));
        Assert.Equal(TimeSpan.FromMinutes(1200), saturdayNoon.ResolutionElapsed);

        // 1440 − 960 = 480 left on Saturday morning: 450 that day, Sunday Oct 11 is off, 30 on Monday → Mon Oct 12 08:30.
        Assert.Equal(At("2026-10-12 08:30"), saturdayNoon.ResolutionDueAt);
        Assert.False(saturdayNoon.ResolutionBreached);

        var mondayNine = SlaClock.Compute(history, Targets, Office, At("2026-10-12 09:00"));
        Assert.True(mondayNine.ResolutionBreached);
        Assert.Equal(At("2026-10-12 08:30"), mondayNine.ResolutionBreachedAt);

        // The response (120 min) was met: 10 minutes on Sep 30.
        Assert.Equal(TimeSpan.FromMinutes(10), mondayNine.ResponseElapsed);
        Assert.False(mondayNine.ResponseBreached);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void A_raised_priority_applies_its_target_from_the_change_to_the_time_already_used()
    {
        List<TicketStatusChange> history =
        [
            Row(1, "2026-03-02 08:00", null, TicketStatus.New),
            Row(2, "2026-03-02 08:05", TicketStatus.New, TicketStatus.InProgress),
            Row(3, "2026-03-02 10:00", TicketStatus.InProgress, TicketStatus.InProgress, TicketPriority.P1),
        ];

        var state = SlaClock.Compute(history, Targets, Office, At("2026-03-02 11:00"));

        // 120 minutes used by 10:00 under P3; P1 allows 240, so 120 remain from 10:00 → due 12:00 the same day.
        Assert.Equal(TimeSpan.FromMinutes(240), state.ResolutionTarget);
        Assert.Equal(At("2026-03-02 12:00"), state.ResolutionDueAt);
        Assert.Equal(TimeSpan.FromMinutes(180), state.ResolutionElapsed);
        Assert.False(state.ResolutionBreached);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void A_stricter_target_already_used_up_breaches_at_the_moment_of_the_change()
    {
        List<TicketStatusChange> history =
        [
            Row(1, "2026-03-02 08:00", null, TicketStatus.New),
            Row(2, "2026-03-02 08:05", TicketStatus.New, TicketStatus.InProgress),
            Row(3, "2026-03-02 14:30", TicketStatus.InProgress, TicketStatus.InProgress, TicketPriority.P1),
        ];

        var state = SlaClock.Compute(history, Targets, Office, At("2026-03-02 15:00"));

        // 08:00–12:00 = 240 and 14:00–14:30 = 30: 270 used when P1 (240) takes effect at 14:30.
        Assert.True(state.ResolutionBreached);
        Assert.Equal(At("2026-03-02 14:30"), state.ResolutionBreachedAt);
        Assert.Equal(TimeSpan.FromMinutes(300), state.ResolutionElapsed);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void A_lowered_priority_does_not_undo_a_breach_that_happened()
    {
        List<TicketStatusChange> history =
        [
            Row(1, "2026-03-02 08:00", null, TicketStatus.New, TicketPriority.P1),
            Row(2, "2026-03-02 08:05", TicketStatus.New, TicketStatus.InProgress, TicketPriority.P1),
            Row(3, "2026-03-02 14:30", TicketStatus.InProgress, TicketStatus.InProgress, TicketPriority.P4),
        ];

        var state = SlaClock.Compute(history, Targets, Office, At("2026-03-02 15:00"));

        // P1's 240 minutes ran out at 12:00; the later P4 (1440) shows a new due time but the breach stays on record.
        Assert.Equal(At("2026-03-02 12:00"), state.ResolutionBreachedAt);
        Assert.NotNull(state.ResolutionDueAt);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void A_reassignment_does_not_reset_the_clock()
    {
        List<TicketStatusChange> straight =
        [
            Row(1, "2026-03-02 08:00", null, TicketStatus.New),
            Row(2, "2026-03-02 08:10", TicketStatus.New, TicketStatus.Assigned, assignee: 7),
            Row(3, "2026-03-02 08:20", TicketStatus.Assigned, TicketStatus.InProgress, assignee: 7),
        ];
        List<TicketStatusChange> reassigned = [.. straight, Row(4, "2026-03-02 09:00", TicketStatus.InProgress, TicketStatus.InProgress, assignee: 8)];

        var state = SlaClock.Compute(reassigned, Targets, Office, At("2026-03-02 10:00"));

        // 08:00–10:00 = 120 used, whoever holds it; response 08:00 → 08:20 = 20.
        Assert.Equal(TimeSpan.FromMinutes(120), state.ResolutionElapsed);
        Assert.Equal(TimeSpan.FromMinutes(20), state.ResponseElapsed);

        // 600 − 60 = 540 left at 09:00: 180 to noon, 210 in the afternoon, 150 on Tuesday from 08:00 → Tue 10:30.
        Assert.Equal(At("2026-03-03 10:30"), state.ResolutionDueAt);
        Assert.Equal(SlaClock.Compute(straight, Targets, Office, At("2026-03-02 10:00")).ResolutionDueAt, state.ResolutionDueAt);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void A_reopen_resumes_the_resolution_clock_where_it_stopped()
    {
        List<TicketStatusChange> history =
        [
            Row(1, "2026-03-02 08:00", null, TicketStatus.New),
            Row(2, "2026-03-02 08:00", TicketStatus.New, TicketStatus.InProgress),
            Row(3, "2026-03-02 10:00", TicketStatus.InProgress, TicketStatus.Resolved),
            Row(4, "2026-03-04 09:00", TicketStatus.Resolved, TicketStatus.Assigned),
        ];

        var state = SlaClock.Compute(history, Targets, Office, At("2026-03-04 10:00"));

        // 120 before the resolution, nothing while resolved (Mon 10:00 → Wed 09:00), 60 since the reopen → 180.
        Assert.Equal(TimeSpan.FromMinutes(180), state.ResolutionElapsed);

        // 600 − 120 = 480 left at Wed 09:00: 180 to noon, 210 in the afternoon, 90 on Thursday from 08:00 → Thu 09:30.
        Assert.Equal(At("2026-03-05 09:30"), state.ResolutionDueAt);
        Assert.True(state.ResolutionRunning);

        // The response happened once, at 08:00 on Monday, and is not measured again.
        Assert.Equal(TimeSpan.Zero, state.ResponseElapsed);
        Assert.Null(state.ResponseDueAt);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public void Around_the_clock_counts_nights_and_weekends()
    {
        List<TicketStatusChange> history = [Row(1, "2026-03-07 22:00", null, TicketStatus.New, TicketPriority.P1)];

        var state = SlaClock.Compute(history, Targets, calendars[BusinessCalendars.AroundTheClock], At("2026-03-08 01:00"));

        // Saturday 22:00 + 240 minutes = Sunday 02:00; the response (15) was due at 22:15 and breached.
        Assert.Equal(TimeSpan.FromMinutes(180), state.ResolutionElapsed);
        Assert.Equal(At("2026-03-08 02:00"), state.ResolutionDueAt);
        Assert.Equal(At("2026-03-07 22:15"), state.ResponseBreachedAt);
    }

    private static DateTimeOffset At(string beijing) =>
        new(DateTime.ParseExact(beijing, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Beijing);

    private static TicketStatusChange Row(long id, string beijing, TicketStatus? from, TicketStatus to, TicketPriority priority = TicketPriority.P3, long? assignee = null) => new()
    {
        Id = id,
        TicketId = 1,
        At = At(beijing).UtcDateTime,
        From = from,
        To = to,
        Priority = priority,
        AssigneeAccountId = assignee,
    };
}
