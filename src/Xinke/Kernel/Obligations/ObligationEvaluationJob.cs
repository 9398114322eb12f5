using Microsoft.Extensions.Options;
using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Obligations;

/// <summary>Makes due periods and records status changes, on the schedule of <see cref="ObligationOptions.EvaluateEvery"/>.</summary>
public sealed partial class ObligationEvaluationJob(IOptions<ObligationOptions> options, ILogger<ObligationEvaluationJob> logger) : IRecurringJob
{
    public const string JobName = "obligations.evaluate";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.Every(options.Value.EvaluateEvery);

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var summary = await services.GetRequiredService<ObligationEvaluator>().RunAsync(cancellationToken);
        Log(logger, summary.PeriodsMade, summary.StatusesChanged, summary.LeftToOthers);
    }

    [LoggerMessage(LogLevel.Debug, "Obligations evaluated: {Made} period(s) made, {Changed} status change(s), {Left} left to another instance")]
    private static partial void Log(ILogger logger, int made, int changed, int left);
}
