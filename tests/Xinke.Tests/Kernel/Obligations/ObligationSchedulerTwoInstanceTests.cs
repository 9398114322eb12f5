using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>
/// Two instances on one PostgreSQL database, both running the scheduler on one shared fake
/// clock (evaluating every minute): each period's change happens once, and a unit leased by an
/// instance that died is done by the other once the lease expires.
/// </summary>
public sealed class ObligationSchedulerTwoInstanceTests() : ObligationTest(DatabaseKind.Postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<JobOptions>(o => o.Enabled = true);
        services.Configure<ObligationOptions>(o => o.EvaluateEvery = TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task With_both_schedulers_on_a_period_becomes_late_exactly_once()
    {
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        _ = other.Services;
        var obligation = await CreateDailyAsync(graceHours: 6);

        await TickUntilAsync(async () => (await PeriodsAsync(obligation.Id)).Count == 1);
        var period = (await PeriodsAsync(obligation.Id))[0];
        SetClock(period.End);
        await TickUntilAsync(() => Task.FromResult(Notifier.Told.Any(t => t.PeriodId == period.Id)));

        // More runs on both instances change nothing more.
        var runs = await JobTokenAsync();
        await TickUntilAsync(async () => await JobTokenAsync() >= runs + 4);

        // The real notifier queues its notices in the evaluator's transaction; this recording double
        // cannot see a unit rolled back after its lease was taken over, so exactly-once is proved on
        // what committed: one status change, and the double was told of nothing but that lateness.
        Assert.All(Notifier.Told.Where(t => t.PeriodId == period.Id), t => Assert.Equal(PeriodStatus.Late, t.Status));
        Assert.Equal(PeriodStatus.Late, (await PeriodsAsync(obligation.Id))[0].Status);
        Assert.Equal(1, await StatusChangesAsync(period.Id, "Late"));
    }

    [Fact]
    public async Task Both_instances_evaluating_together_change_each_period_once()
    {
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var obligations = new List<Obligation>();
        for (var i = 0; i < 12; i++)
        {
            obligations.Add(await CreateDailyAsync(evidenceKind: $"backups.check{i}", graceHours: 6));
        }

        await Task.WhenAll(EvaluateOnAsync(App), EvaluateOnAsync(other));
        var periods = await WithDbAsync(db => db.Set<ObligationPeriod>().AsNoTracking().ToListAsync(Cancel));
        Assert.Equal(obligations.Count, periods.Count);
        SetClock(Midnight.AddDays(1).AddMinutes(-1).AddSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(30));

        await Task.WhenAll(EvaluateOnAsync(App), EvaluateOnAsync(other), EvaluateOnAsync(App), EvaluateOnAsync(other));

        Assert.Equal(periods.Select(p => p.Id).Order(), Notifier.Told.Select(t => t.PeriodId).Order());
    }

    [Fact]
    public async Task A_unit_leased_by_an_instance_that_died_is_done_by_the_other_after_the_lease_expires()
    {
        var obligation = await CreateDailyAsync(graceHours: 6);
        await EvaluateAsync();
        var period = (await PeriodsAsync(obligation.Id))[0];

        // The dead instance holds the period until ten minutes after it ends, and never comes back.
        var dead = new XinkeApp(App.Database, ConfigureServices);
        HeldLease? abandoned;
        await using (var scope = dead.Services.CreateAsyncScope())
        {
            abandoned = await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(ObligationEvaluator.PeriodLease(period.Id), period.End.AddMinutes(10) - Clock.GetUtcNow().UtcDateTime, Cancel);
        }

        Assert.NotNull(abandoned);
        await dead.DisposeAsync();

        SetClock(period.End);
        var runs = await JobTokenAsync();
        await TickUntilAsync(async () => await JobTokenAsync() >= runs + 2);
        Assert.DoesNotContain(Notifier.Told, t => t.PeriodId == period.Id);
        Assert.Equal(PeriodStatus.Due, (await PeriodsAsync(obligation.Id))[0].Status);

        SetClock(abandoned!.ExpiresAt);

        // The notice is queued inside the evaluation's transaction, just before it commits.
        await TickUntilAsync(async () => Notifier.Told.Any(t => t.PeriodId == period.Id) && (await PeriodsAsync(obligation.Id))[0].Status != PeriodStatus.Due);

        Assert.Equal(PeriodStatus.Late, (await PeriodsAsync(obligation.Id))[0].Status);
        var lease = await WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(l => l.Name == abandoned.Name, Cancel));
        Assert.Equal(abandoned.Token + 1, lease.Token);
        Assert.NotEqual(abandoned.Holder, lease.Holder);
    }

    private static async Task EvaluateOnAsync(XinkeApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ObligationEvaluator>().RunAsync(Cancel);
    }

    /// <summary>Runs of the evaluation job so far, on any instance: each run takes the job's lease anew.</summary>
    private Task<long> JobTokenAsync() => WithDbAsync(async db =>
        await db.Set<JobLease>().AsNoTracking().Where(l => l.Name == JobRunner.JobLeaseName(ObligationEvaluationJob.JobName)).Select(l => l.Token).SingleOrDefaultAsync(Cancel));

    private Task<int> StatusChangesAsync(long periodId, string status)
    {
        var id = periodId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WithDbAsync(db => db.Set<Xinke.Kernel.Audit.AuditEvent>().AsNoTracking()
            .CountAsync(e => e.EntityType == nameof(ObligationPeriod) && e.EntityId == id && e.Changes!.Contains("\"" + status + "\""), Cancel));
    }

    /// <summary>Moves the shared clock a step at a time, letting the schedulers run, until the condition holds.</summary>
    private async Task TickUntilAsync(Func<Task<bool>> condition, TimeSpan? step = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Timeout, "The schedulers did not get there in time.");
            Clock.Advance(step ?? TimeSpan.FromMinutes(1));
            await Task.Delay(100, Cancel);
        }
    }
}
