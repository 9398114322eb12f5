using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>Hourly: deletes the files of packs past their retention, and fails the packs an instance left running when it stopped.</summary>
public sealed class EvidencePackRetentionJob : IRecurringJob
{
    public string Name => "evidence-pack-retention";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var packs = services.GetRequiredService<EvidencePacks>();
        await packs.ExpireAsync(cancellationToken);
        await packs.FailAbandonedAsync(cancellationToken);
    }
}
