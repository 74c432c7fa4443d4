using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Orchestration;

/// <summary>The shared half of the local server runners: one server process, stopped with its own graceful signal.</summary>
public abstract class LocalServerRunner : IResourceRunner
{
    /// <summary>The server process, once started.</summary>
    protected ChildProcess? Server { get; set; }

    /// <summary>The signal that shuts this server down without losing committed data.</summary>
    protected abstract PosixSignalNumber StopSignal { get; }

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) =>
        Server?.WaitForExitAsync(cancellationToken) ?? Task.FromResult(0);

    public virtual Task StopAsync(CancellationToken cancellationToken) =>
        Server?.StopAsync(StopSignal, cancellationToken) ?? Task.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        Server?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
