using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Jobs;

/// <summary>
/// Runs every registered <see cref="IRecurringJob"/> on its schedule, on the injected clock.
/// Each instance runs the loop; the job's lease decides which instance does a given run, and a
/// lease left by an instance that died expires and is taken over at a later tick.
/// </summary>
public sealed partial class JobRunner(
    IEnumerable<IRecurringJob> jobs,
    IServiceScopeFactory scopes,
    IOptions<JobOptions> options,
    HospitalClock hospital,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }

        return Task.WhenAll(jobs.Select(job => LoopAsync(job, stoppingToken)));
    }

    private async Task LoopAsync(IRecurringJob job, CancellationToken stoppingToken)
    {
        var next = job.Schedule.Next(clock.GetUtcNow(), hospital.Zone);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = next - clock.GetUtcNow();
                if (wait > MaxWait)
                {
                    // Timers take at most ~49 days; a yearly job waits in steps.
                    await Task.Delay(MaxWait, clock, stoppingToken);
                    continue;
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                await RunOnceAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, job.Name);
            }

            next = job.Schedule.Next(clock.GetUtcNow(), hospital.Zone);
        }
    }

    /// <summary>One run of <paramref name="job"/> if this instance gets its lease; false when another instance has it.</summary>
    public async Task<bool> RunOnceAsync(IRecurringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        using var actor = Audit.ActorAccessor.Use(Audit.Actor.System);
        var ran = await leases.RunExclusiveAsync(JobLeaseName(job.Name), job.LeaseDuration, async (_, ct) =>
        {
            await using var runScope = scopes.CreateAsyncScope();
            await job.RunAsync(runScope.ServiceProvider, ct);
        }, cancellationToken);
        if (!ran)
        {
            LogSkipped(logger, job.Name);
        }

        return ran;
    }

    public static string JobLeaseName(string jobName) => $"job:{jobName}";

    [LoggerMessage(LogLevel.Information, "Background jobs are disabled on this instance (Xinke:Jobs:Enabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(LogLevel.Error, "Background job {Job} failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(LogLevel.Debug, "Background job {Job} is running on another instance")]
    private static partial void LogSkipped(ILogger logger, string job);
}
