using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>Hourly: deletes the files of packs past their retention.</summary>
public sealed class EvidencePackRetentionJob : IRecurringJob
{
    public string Name => "evidence-pack-retention";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));

    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EvidencePacks>().ExpireAsync(cancellationToken);
}
