namespace Xinke.Tests.Kernel.Crypto;

/// <summary>
/// Stops long work (a re-encryption, a backup) at the first progress step that <paramref name="at"/>
/// picks, with whatever it holds still held, until the test opens the gate.
/// </summary>
public sealed class ProgressGate<T>(Func<T, bool> at) : IProgress<T>, IDisposable
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim open = new();

    public Task Reached => reached.Task;

    public void Report(T value)
    {
        if (!reached.Task.IsCompleted && at(value))
        {
            reached.TrySetResult();

            // Bounded: a test that fails before opening it must not hang the run.
            open.Wait(TimeSpan.FromMinutes(2));
        }
    }

    public void Open() => open.Set();

    public void Dispose()
    {
        open.Set();
        open.Dispose();
    }
}
