namespace Xinke.Kernel.Jobs;

/// <summary>
/// The identity of this running instance as a lease holder: host, process and a random part,
/// so two hosts in one process (the tests) or a restarted process never pass for each other.
/// </summary>
public sealed class JobInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
