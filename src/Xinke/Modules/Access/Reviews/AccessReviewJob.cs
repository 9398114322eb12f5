using Xinke.Kernel.Audit;
using Xinke.Kernel.Jobs;

namespace Xinke.Modules.Access.Reviews;

/// <summary>Opens the quarter's review campaign, escalates unanswered lines and closes campaigns past due, hourly, as the system.</summary>
public sealed class AccessReviewJob : IRecurringJob
{
    public string Name => "access.reviews";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        await services.GetRequiredService<AccessReviews>().RunScheduleAsync(cancellationToken);
    }
}
