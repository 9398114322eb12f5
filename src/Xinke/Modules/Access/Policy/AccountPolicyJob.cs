using Xinke.Kernel.Audit;
using Xinke.Kernel.Jobs;

namespace Xinke.Modules.Access.Policy;

/// <summary>Runs the inactivity and leaver policy once a day, early in the morning, as the system.</summary>
public sealed partial class AccountPolicyJob(ILogger<AccountPolicyJob> logger) : IRecurringJob
{
    public string Name => "access.account-policy";

    public JobSchedule Schedule { get; } = JobSchedule.Cron("30 2 * * *");

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        var disabled = await services.GetRequiredService<AccountPolicy>().RunAsync(cancellationToken);
        if (disabled > 0)
        {
            Log(logger, disabled);
        }
    }

    [LoggerMessage(LogLevel.Information, "The access policy disabled {Count} account(s)")]
    private static partial void Log(ILogger logger, int count);
}
