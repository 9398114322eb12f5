namespace Xinke.Kernel.Jobs;

/// <summary>
/// A piece of background work the <see cref="JobRunner"/> starts on its <see cref="Schedule"/>.
/// Each run holds the job's lease, so only one instance runs it at a time; work items inside
/// a run that must happen exactly once take their own lease through <see cref="JobLeases"/>.
/// Register with <see cref="JobsServices.AddRecurringJob{T}"/>.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable name: the lease key and the name in logs.</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    /// <summary>How long a run may take before another instance may assume this one died.</summary>
    TimeSpan LeaseDuration => TimeSpan.FromMinutes(5);

    /// <summary>One run, in a service scope of its own.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
