using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Contracts;

namespace Shop.Hosting.ScaleToZero;

/// <summary>One service that scales to zero in this run, as the activator and the idle monitor see it. Stops and wakes
/// go through Aspire's own Stop and Start commands, one at a time; a Stop that the service did not give itself is an
/// operator's, and holds it down (no request or message wakes it) until someone starts it again.</summary>
internal sealed partial class ScaledService(
    ProjectResource project,
    ScaleToZeroAnnotation scaling,
    ScaleToZeroOptions options,
    ServiceProbe probe,
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    // Set in the async flow of this mode's own Stop command, so that an operator's Stop arriving meanwhile is still
    // told apart.
    private static readonly AsyncLocal<ScaledService?> _idleStopOf = new();

    // Likewise for a wake's Start command, which must not undo an operator's Stop given while the wake was under way.
    private static readonly AsyncLocal<ScaledService?> _wakeOf = new();

    private readonly Lock _gate = new();

    // Stops and wakes one after the other: a request arriving during an idle stop waits for it, then wakes the service.
    private readonly SemaphoreSlim _transition = new(1, 1);
    private ServicePhase _phase = ServicePhase.Running;
    private int _inFlight;
    private long _lastActivity = time.GetTimestamp();
    private Task? _wake;
    private IReadOnlyList<ScaledService> _awaited = [];
    private string? _resourceId;
    private int _wakes;

    public string Name => project.Name;

    public int PublicPort => scaling.Public.Port ?? throw new InvalidOperationException($"'{Name}' has no port for its activator.");

    /// <summary>The service's own endpoint, behind the activator.</summary>
    public Uri ServiceUri { get; } = new($"http://localhost:{scaling.Service.Port}");

    public IReadOnlyList<IQueueScaleRule> Queues => scaling.Queues;

    /// <summary>The replica's id (a project runs one, named by DCP), which logs and state updates address; learnt from
    /// Aspire's first notification about the resource.</summary>
    private string ResourceId => _resourceId ?? throw new InvalidOperationException($"'{Name}' has not been created yet.");

    /// <summary>A request has arrived: the service counts as busy until the returned scope ends.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _inFlight++;
            _lastActivity = time.GetTimestamp();
        }

        return new InFlight(this);
    }

    /// <summary>Holds a request until the service can take it, waking it from zero; false when an operator stopped it.</summary>
    public async Task<bool> AdmitAsync(string reason, CancellationToken cancellationToken)
    {
        var arrived = time.GetTimestamp();
        while (true)
        {
            Task? wake = null;
            lock (_gate)
            {
                if (_phase == ServicePhase.HeldDown)
                {
                    return false;
                }

                if (_phase != ServicePhase.Running)
                {
                    wake = WakeOnce(reason, WakeHeaders.HttpTrigger, arrived);
                }
            }

            if (wake is null)
            {
                // Running as far as this mode knows; if it exited on its own, the restarter starts it, and the request
                // waits for that instead of failing.
                if (!IsRunning())
                {
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    deadline.CancelAfter(options.WakeTimeout);
                    await probe.WaitHealthyAsync(ServiceUri, () => Phase == ServicePhase.Running, deadline.Token);
                }

                return true;
            }

            try
            {
                await wake.WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or DistributedApplicationException
                && !cancellationToken.IsCancellationRequested && Phase == ServicePhase.HeldDown)
            {
                // An operator stopped the service while it was being woken: the hold answers.
            }
        }
    }

    /// <summary>Whether Aspire starts this service only once <paramref name="other"/> is healthy.</summary>
    public bool Awaits(ScaledService other) =>
        project.Annotations.OfType<WaitAnnotation>().Any(w => w.Resource.Name == other.Name && w.WaitType == WaitType.WaitUntilHealthy);

    /// <summary>What the server said of a queue the service consumes: messages waiting wake it, and keep it awake.</summary>
    public void OnQueueLength(string queue, uint? waiting)
    {
        lock (_gate)
        {
            // Unknown (the broker did not answer) is not known to be empty: no idle stop on a guess.
            if (waiting != 0)
            {
                _lastActivity = time.GetTimestamp();
            }

            if (waiting > 0 && _phase == ServicePhase.AtZero)
            {
                _ = WakeOnce($"{waiting} message(s) waiting in queue {queue}", WakeHeaders.QueueTrigger, time.GetTimestamp());
            }
        }
    }

    /// <summary>Brings what this mode knows in line with Aspire's state: the idle time counts from when the service
    /// runs, a service at zero that runs again is running, and the dashboard keeps showing a service at zero as such.
    /// A hold is left only by a command (<see cref="OnStartCommandAsync"/>): an operator's Stop is seen here before
    /// the orchestrator reports the process stopping, and reading "still running" then would undo the hold.</summary>
    public async Task ReconcileAsync()
    {
        _resourceId ??= (await notifications.WaitForResourceAsync(Name, _ => true, lifetime.ApplicationStopping)).ResourceId;
        var running = IsRunning();
        var healthy = running && IsHealthy();
        bool showAtZero;
        lock (_gate)
        {
            // Starting (or waiting for its dependencies to start) is not being idle.
            if (_phase == ServicePhase.Running && !healthy)
            {
                _lastActivity = time.GetTimestamp();
            }
            else if (_phase == ServicePhase.AtZero && running)
            {
                _phase = ServicePhase.Running;
                _lastActivity = time.GetTimestamp();
            }

            showAtZero = _phase == ServicePhase.AtZero && State() != ScaleToZeroAnnotation.ScaledToZeroState;
        }

        if (showAtZero)
        {
            await ShowStateAsync(ScaleToZeroAnnotation.ScaledToZeroState, KnownResourceStateStyles.Info);
        }
    }

    /// <summary>Stops the service if it has been idle for the idle time: nothing in flight, no request or waiting
    /// message within the window, and running.</summary>
    public async Task StopIfIdleAsync()
    {
        if (!IsIdle())
        {
            return;
        }

        var stopping = lifetime.ApplicationStopping;
        await _transition.WaitAsync(stopping);
        try
        {
            TimeSpan idleFor;
            lock (_gate)
            {
                if (!IsIdle())
                {
                    return;
                }

                idleFor = time.GetElapsedTime(_lastActivity);
                _phase = ServicePhase.Stopping;
            }

            _idleStopOf.Value = this;
            ExecuteCommandResult result;
            try
            {
                result = await commands.ExecuteCommandAsync(project, KnownResourceCommands.StopCommand, stopping);
            }
            finally
            {
                _idleStopOf.Value = null;
            }

            if (result.Success)
            {
                await notifications.WaitForResourceAsync(Name, e => e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), stopping);
            }
            else if (!await probe.WaitGoneAsync(ServiceUri, options.WakeTimeout, stopping))
            {
                // DCP gives a process some seconds to exit; on a loaded machine a graceful stop can take longer, and
                // the process is then gone a little later (DCP leaves the state Unknown). Still running: no stop.
                SetPhase(ServicePhase.Running);
                LogStopFailed(logger, Name, result.Message);
                return;
            }
            lock (_gate)
            {
                if (_phase != ServicePhase.Stopping)
                {
                    return;
                }

                _phase = ServicePhase.AtZero;
            }

            await ShowStateAsync(ScaleToZeroAnnotation.ScaledToZeroState, KnownResourceStateStyles.Info);
            LogScaledToZero(logger, Name, idleFor.TotalSeconds);
            LogScaledToZero(resourceLogs.GetLogger(ResourceId), Name, idleFor.TotalSeconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app host is stopping every resource anyway.
        }
        finally
        {
            _transition.Release();
        }
    }

    private ServicePhase Phase
    {
        get
        {
            lock (_gate)
            {
                return _phase;
            }
        }
    }

    private bool IsIdle()
    {
        lock (_gate)
        {
            return _phase == ServicePhase.Running && _inFlight == 0 && time.GetElapsedTime(_lastActivity) >= options.IdleTime && IsRunning() && IsHealthy();
        }
    }

    private void SetPhase(ServicePhase phase)
    {
        lock (_gate)
        {
            _phase = phase;
            _lastActivity = time.GetTimestamp();
        }
    }

    private bool IsRunning() => State() == KnownResourceStates.Running;

    private bool IsHealthy() =>
        _resourceId is { } id && notifications.TryGetCurrentState(id, out var current) && current.Snapshot.HealthStatus == HealthStatus.Healthy;

    private string? State() => _resourceId is { } id && notifications.TryGetCurrentState(id, out var current) ? current.Snapshot.State?.Text : null;

    private Task ShowStateAsync(string state, string style) =>
        notifications.PublishUpdateAsync(project, ResourceId, snapshot => snapshot with { State = new ResourceStateSnapshot(state, style) });

    private void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
            _lastActivity = time.GetTimestamp();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} idle for {IdleSeconds:0.0} s (no HTTP request, no message waiting): scaled to zero")]
    private static partial void LogScaledToZero(ILogger logger, string resource, double idleSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} could not be stopped for being idle ({Reason})")]
    private static partial void LogStopFailed(ILogger logger, string resource, string? reason);

    public void Dispose() => _transition.Dispose();

    private sealed class InFlight(ScaledService service) : IDisposable
    {
        public void Dispose() => service.Leave();
    }
}
