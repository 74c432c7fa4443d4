using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Orchestration;

/// <summary>Runs one resource through its lifecycle: Waiting → Starting → Running (health watched) → Exited/Finished,
/// and stops or restarts it on request.</summary>
public sealed class ResourceController : IAsyncDisposable
{
    private static readonly TimeSpan _probeWhileUnhealthy = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan _probeWhileHealthy = TimeSpan.FromSeconds(5);

    private readonly ResourceRunnerAnnotation _runnerFactory;
    private readonly ResourceRunContext _context;
    private readonly ResourceNotificationService _notifications;
    private readonly CancellationToken _applicationStopping;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IResourceRunner? _runner;
    private CancellationTokenSource? _run;
    private Task _runTask = Task.CompletedTask;

    internal ResourceController(
        IResource resource,
        ResourceRunnerAnnotation runnerFactory,
        ResourceRunContext context,
        ResourceNotificationService notifications,
        CancellationToken applicationStopping)
    {
        Resource = resource;
        _runnerFactory = runnerFactory;
        _context = context;
        _notifications = notifications;
        _applicationStopping = applicationStopping;

        // Creating the runner checks prerequisites, so a missing server program is found before anything starts.
        _runner = runnerFactory.Create(context);
    }

    public IResource Resource { get; }

    public void Start()
    {
        _run = CancellationTokenSource.CreateLinkedTokenSource(_applicationStopping);
        _runner ??= _runnerFactory.Create(_context);
        _runTask = RunAsync(_runner, _run.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            await StopCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the resource and starts it again (it waits for its dependencies again, too).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await StopCoreAsync(cancellationToken);
            _notifications.Publish(Resource.Name, s => s with { Restarts = s.Restarts + 1 });
            Start();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }

        _run?.Dispose();
        _gate.Dispose();
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        if (_run is null)
        {
            return;
        }

        await _run.CancelAsync();
        if (_runner is { } runner)
        {
            await runner.StopAsync(cancellationToken);
            await runner.DisposeAsync();
            _runner = null;
        }

        await _runTask;
        _run.Dispose();
        _run = null;
    }

    private async Task RunAsync(IResourceRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForDependenciesAsync(cancellationToken);

            Publish(s => s with { State = ResourceState.Starting, Health = HealthStatus.Unknown, Message = null, ExitCode = null });
            try
            {
                await runner.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _context.Log($"Failed to start: {ex.Message}", isError: true);
                Publish(s => s with { State = ResourceState.FailedToStart, Message = ex.Message });
                return;
            }

            Publish(s => s with { State = ResourceState.Running, StartedAt = DateTimeOffset.UtcNow });
            var exit = runner.WaitForExitAsync(cancellationToken);
            await WatchHealthAsync(runner, exit, cancellationToken);
            var code = await exit;
            Publish(s => s with
            {
                State = code == 0 ? ResourceState.Finished : ResourceState.Exited,
                Health = HealthStatus.Unknown,
                ExitCode = code,
                Message = code == 0 ? null : $"exited with code {code}",
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Publish(s => s.State is ResourceState.Running or ResourceState.Starting or ResourceState.Waiting
                ? s with { State = ResourceState.Finished, Health = HealthStatus.Unknown, Message = "stopped" }
                : s);
        }
    }

    private async Task WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        var waits = Resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList();
        if (waits.Count == 0)
        {
            return;
        }

        Publish(s => s with { State = ResourceState.Waiting, Message = $"waiting for {string.Join(", ", waits)}" });
        foreach (var dependency in waits)
        {
            // A dependency that fails is reported on this resource, which keeps waiting: it starts if the
            // dependency is started again and becomes healthy.
            await _notifications.WaitForAsync(
                dependency,
                s =>
                {
                    if (s.IsTerminal)
                    {
                        Publish(me => me with { Message = $"waiting for {dependency}, which is {s.State}" });
                    }

                    return s.State == ResourceState.Running && s.Health == HealthStatus.Healthy;
                },
                cancellationToken);
        }
    }

    private async Task WatchHealthAsync(IResourceRunner runner, Task exit, CancellationToken cancellationToken)
    {
        while (!exit.IsCompleted)
        {
            bool healthy;
            try
            {
                using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probeTimeout.CancelAfter(TimeSpan.FromSeconds(5));
                healthy = await runner.IsHealthyAsync(probeTimeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                healthy = false;
            }

            if (exit.IsCompleted)
            {
                return;
            }

            Publish(s => s with { Health = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy });
            await Task.WhenAny(exit, Task.Delay(healthy ? _probeWhileHealthy : _probeWhileUnhealthy, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => _notifications.Publish(Resource.Name, update);
}
