using System.Net;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>A period's status follows the clock and the evidence modules report; nobody ticks it.</summary>
public abstract class ObligationStatusTests(DatabaseKind kind) : ObligationTest(kind)
{
    public sealed class OnSqlite() : ObligationStatusTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ObligationStatusTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_period_without_evidence_moves_from_due_to_late_to_missed_and_each_change_is_announced_once()
    {
        var obligation = await CreateDailyAsync(graceHours: 6);
        Assert.Equal(1, (await EvaluateAsync()).PeriodsMade);
        var period = Assert.Single(await PeriodsAsync(obligation.Id));
        Assert.Equal((Midnight, Midnight.AddDays(1), Midnight.AddDays(1).AddHours(6)), (period.Start, period.End, period.GraceUntil));
        Assert.Equal("due", StatusOf(await CalendarAsync(await ReaderAsync()), period.Id));

        SetClock(Midnight.AddDays(1).AddMinutes(1));
        Assert.Equal("late", StatusOf(await CalendarAsync(await ReaderAsync()), period.Id));
        await EvaluateAsync();
        Assert.Equal(PeriodStatus.Late, (await PeriodsAsync(obligation.Id))[0].Status);

        SetClock(Midnight.AddDays(1).AddHours(6));
        Assert.Equal("missed", StatusOf(await CalendarAsync(await ReaderAsync()), period.Id));
        await EvaluateAsync();
        await EvaluateAsync();

        Assert.Equal(PeriodStatus.Missed, (await PeriodsAsync(obligation.Id))[0].Status);
        Assert.Equal([(period.Id, PeriodStatus.Late), (period.Id, PeriodStatus.Missed)], Notifier.Told.Where(t => t.PeriodId == period.Id));
    }

    [Fact]
    public async Task Evidence_inside_the_period_makes_it_done_at_once_without_waiting_for_the_evaluator()
    {
        var obligation = await CreateDailyAsync();
        await EvaluateAsync();
        var period = Assert.Single(await PeriodsAsync(obligation.Id));

        await ReportAsync("backups.restore_test", Clock.GetUtcNow().UtcDateTime);

        var row = Assert.Single(await CalendarAsync(await ReaderAsync()), p => p.GetProperty("id").GetInt64() == period.Id);
        Assert.Equal("done", row.GetProperty("status").GetString());
        Assert.False(row.GetProperty("closedLate").GetBoolean());
        SetClock(Midnight.AddDays(3));
        Assert.Equal("done", StatusOf(await CalendarAsync(await ReaderAsync()), period.Id));
        await EvaluateAsync();
        Assert.Equal(PeriodStatus.Done, (await PeriodsAsync(obligation.Id))[0].Status);
        Assert.DoesNotContain(Notifier.Told, t => t.PeriodId == period.Id);
    }

    [Fact]
    public async Task Evidence_in_the_grace_closes_the_late_period_as_done_late_and_evidence_after_the_grace_does_not()
    {
        var obligation = await CreateDailyAsync(graceHours: 6);
        SetClock(Midnight.AddDays(2).AddHours(3));
        Assert.Equal(3, (await EvaluateAsync()).PeriodsMade);
        var periods = await PeriodsAsync(obligation.Id);

        // The first period's grace ended at 06:00 the day after; the second is in its grace and
        // the third under way: the record catches up the older one.
        await ReportAsync("backups.restore_test", Clock.GetUtcNow().UtcDateTime);

        var calendar = await CalendarAsync(await ReaderAsync());
        Assert.Equal("missed", StatusOf(calendar, periods[0].Id));
        var second = Assert.Single(calendar, p => p.GetProperty("id").GetInt64() == periods[1].Id);
        Assert.Equal("done", second.GetProperty("status").GetString());
        Assert.True(second.GetProperty("closedLate").GetBoolean());
        Assert.Equal("due", StatusOf(calendar, periods[2].Id));
    }

    [Fact]
    public async Task Evidence_reported_before_its_period_was_made_closes_the_period_when_it_is_made()
    {
        var obligation = await CreateDailyAsync();
        await ReportAsync("backups.restore_test", Clock.GetUtcNow().UtcDateTime);
        await ReportAsync("backups.other_record", Clock.GetUtcNow().UtcDateTime);

        await EvaluateAsync();

        var period = Assert.Single(await PeriodsAsync(obligation.Id));
        Assert.Equal(PeriodStatus.Done, period.Status);
        Assert.NotNull(period.ClosingRecordId);
    }

    [Fact]
    public async Task Evidence_about_another_subject_does_not_close_a_period_that_names_its_subject()
    {
        var obligation = await CreateAsync(new ObligationInput("核心交换机巡检", ["NET-02"], ScheduleKind.Cron, "0 0 * * *", OwnerKind.Role, "it-director", 0, "network.inspection", "asset", "42", false, true, new DateTimeOffset(Midnight)));
        await EvaluateAsync();

        await ReportAsync("network.inspection", Clock.GetUtcNow().UtcDateTime, subjectType: "asset", subjectId: "7");
        Assert.Null((await PeriodsAsync(obligation.Id))[0].ClosingRecordId);
        await ReportAsync("network.inspection", Clock.GetUtcNow().UtcDateTime, subjectType: "asset", subjectId: "42");

        Assert.Equal(PeriodStatus.Done, (await PeriodsAsync(obligation.Id))[0].Status);
    }

    [Fact]
    public async Task A_period_closed_by_a_persons_own_record_is_done_only_after_someone_else_reviews_it()
    {
        var obligation = await CreateDailyAsync(reviewRequired: true);
        var engineer = await CreateUserAsync("engineer", "it-engineer");
        var director = await CreateUserAsync("director", "it-director");
        var engineerClient = await SignInAsync(engineer);
        var directorClient = await SignInAsync(director);
        await EvaluateAsync();
        var period = Assert.Single(await PeriodsAsync(obligation.Id));

        await ReportAsync("backups.restore_test", Clock.GetUtcNow().UtcDateTime, actor: engineer.Id);
        var row = Assert.Single(await CalendarAsync(directorClient), p => p.GetProperty("id").GetInt64() == period.Id);
        Assert.Equal("due", row.GetProperty("status").GetString());
        Assert.True(row.GetProperty("awaitingReview").GetBoolean());

        var self = await Problems.ReadAsync(await PostAsync(engineerClient, $"/api/v1/obligations/periods/{period.Id}/review"), HttpStatusCode.Conflict);
        Assert.Equal(ObligationErrors.SelfReview, self.Code);
        var reviewed = await PostAsync(directorClient, $"/api/v1/obligations/periods/{period.Id}/review");
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);

        Assert.Equal("done", StatusOf(await CalendarAsync(directorClient), period.Id));
        var stored = (await PeriodsAsync(obligation.Id))[0];
        Assert.Equal((PeriodStatus.Done, director.Id), (stored.Status, stored.ReviewerAccountId));
        Assert.Equal(ObligationErrors.AlreadyReviewed, (await Problems.ReadAsync(await PostAsync(directorClient, $"/api/v1/obligations/periods/{period.Id}/review"), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task An_unclosed_period_has_nothing_to_review()
    {
        var obligation = await CreateDailyAsync(reviewRequired: true);
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));
        await EvaluateAsync();
        var period = Assert.Single(await PeriodsAsync(obligation.Id));

        var problem = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/obligations/periods/{period.Id}/review"), HttpStatusCode.Conflict);

        Assert.Equal(ObligationErrors.NothingToReview, problem.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(director, "/api/v1/obligations/periods/999999/review")).StatusCode);
    }

    [Fact]
    public async Task A_monthly_rrule_makes_periods_from_local_midnight_of_the_first_to_the_next_first()
    {
        var start = new DateTime(2026, 1, 31, 16, 0, 0, DateTimeKind.Utc);
        var obligation = await CreateAsync(new ObligationInput("月度机房巡检", ["ROOM-01"], ScheduleKind.Rrule, "FREQ=MONTHLY;BYMONTHDAY=1", OwnerKind.Role, "it-director", 72, "rooms.inspection", null, null, false, true, new DateTimeOffset(start)));

        await EvaluateAsync();

        var periods = await PeriodsAsync(obligation.Id);
        Assert.Equal(
            [(start, new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc)), (new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc))],
            periods.Select(p => (p.Start, p.End)));
    }

    private static string? StatusOf(List<JsonElement> calendar, long periodId) =>
        Assert.Single(calendar, p => p.GetProperty("id").GetInt64() == periodId).GetProperty("status").GetString();
}
