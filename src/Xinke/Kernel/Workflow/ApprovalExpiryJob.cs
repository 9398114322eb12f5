using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Workflow;

/// <summary>Expires pending approvals whose deadline passed, so their modules hear of it without anyone deciding.</summary>
public sealed partial class ApprovalExpiryJob(ILogger<ApprovalExpiryJob> logger) : IRecurringJob
{
    public string Name => "approvals.expire";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(5));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var expired = await services.GetRequiredService<ApprovalService>().ExpireOverdueAsync(cancellationToken);
        if (expired > 0)
        {
            Log(logger, expired);
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} overdue approval(s) expired")]
    private static partial void Log(ILogger logger, int count);
}
