using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// Builds requested packs one at a time in the background, outside the request that asked. At
/// start it takes up the packs still queued (a restart loses none); a pack another instance
/// claimed first is skipped.
/// </summary>
public sealed class EvidencePackWorker(IServiceScopeFactory scopes, ILogger<EvidencePackWorker> logger) : BackgroundService
{
    private readonly Channel<long> waiting = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long packId) => waiting.Writer.TryWrite(packId);

    /// <summary>The packs an earlier run left queued are taken up while the host starts, before any request is served.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnqueueLeftOverAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in waiting.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EvidencePacks>().RunAsync(id, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Evidence pack {PackId} failed", id);
            }
        }
    }

    private async Task EnqueueLeftOverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            foreach (var id in await db.Set<EvidencePack>().AsNoTracking().Where(p => p.Status == EvidencePackStatus.Queued).Select(p => p.Id).ToListAsync(cancellationToken))
            {
                Enqueue(id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may not be migrated yet when the host starts; new requests still queue.
            logger.LogWarning(ex, "Queued evidence packs could not be read at start");
        }
    }
}
