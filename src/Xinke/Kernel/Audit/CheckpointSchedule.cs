using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Writes a checkpoint every <see cref="AuditOptions.CheckpointEvery"/> events and at least daily
/// while the chain grows. Several instances may both write one for the same head: the file is
/// named by its sequence, so that is harmless.
/// </summary>
public sealed class CheckpointSchedule(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider clock, ILogger<CheckpointSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Writing an audit checkpoint failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is null || head.Sequence == 0)
        {
            return;
        }

        var latest = await checkpoints.LatestAsync(cancellationToken);
        var due = latest is null
            || head.Sequence - latest.Sequence >= options.Value.CheckpointEvery
            || (head.Sequence > latest.Sequence && clock.GetUtcNow().UtcDateTime - latest.CreatedAt >= TimeSpan.FromDays(1));
        if (due)
        {
            var written = await checkpoints.ExportAsync(cancellationToken);
            logger.LogInformation("Audit checkpoint written at sequence {Sequence}", written?.Sequence);
        }
    }
}
