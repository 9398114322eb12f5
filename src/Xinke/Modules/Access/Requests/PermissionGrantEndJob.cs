using Xinke.Kernel.Audit;
using Xinke.Kernel.Jobs;

namespace Xinke.Modules.Access.Requests;

/// <summary>Revokes roles granted by a request once its end date has passed (ACC-02), as the system.</summary>
public sealed partial class PermissionGrantEndJob(ILogger<PermissionGrantEndJob> logger) : IRecurringJob
{
    public string Name => "access.end-grants";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        var ended = await services.GetRequiredService<PermissionGrants>().EndExpiredGrantsAsync(cancellationToken);
        if (ended > 0)
        {
            Log(logger, ended);
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} permission grant(s) ended at their end date")]
    private static partial void Log(ILogger logger, int count);
}
