using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Contracts;
using Shop.Hosting.RabbitMQ;

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

    private readonly Lock _gate = new();

    // Stops and wakes one after the other: a request arriving during an idle stop waits for it, then wakes the service.
    private readonly SemaphoreSlim _transition = new(1, 1);
    private ServicePhase _phase = ServicePhase.Running;
    private int _inFlight;
    private long _lastActivity = time.GetTimestamp();
    private Task? _wake;
    private string? _resourceId;
    private int _wakes;

    public string Name => project.Name;

    public int PublicPort => scaling.Public.Port ?? throw new InvalidOperationException($"'{Name}' has no port for its activator.");

    /// <summary>The service's own endpoint, behind the activator.</summary>
    public Uri ServiceUri { get; } = new($"http://localhost:{scaling.Service.Port}");

    public IReadOnlyList<RabbitMQScaleRuleAnnotation> Queues => scaling.Queues;

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

            await wake.WaitAsync(cancellationToken);
        }
    }

    /// <summary>What the broker said of a queue the service consumes: messages waiting wake it, and keep it awake.</summary>
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
    /// runs, a service started by other means (a Restart command) is running again, and the dashboard keeps showing a
    /// service at zero as such even when the orchestrator reports its process once more.</summary>
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
            else if (_phase is ServicePhase.AtZero or ServicePhase.HeldDown && running)
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

    /// <summary>A Stop command: this mode's own idle stop, or an operator's, which holds the service down. At zero the
    /// process is gone already; the dashboard then shows it as stopped, with its Start command.</summary>
    public async Task<ExecuteCommandResult> OnStopCommandAsync(ExecuteCommandContext context, Func<ExecuteCommandContext, Task<ExecuteCommandResult>> execute)
    {
        if (_idleStopOf.Value == this)
        {
            return await execute(context);
        }

        bool wasAtZero;
        lock (_gate)
        {
            wasAtZero = _phase == ServicePhase.AtZero;
            _phase = ServicePhase.HeldDown;
        }

        LogHeldDown(logger, Name);

        if (!wasAtZero)
        {
            return await execute(context);
        }

        await ShowStateAsync(KnownResourceStates.Exited, KnownResourceStateStyles.Info);
        return CommandResults.Success();
    }

    /// <summary>A Start command: an operator's (or the restarter's) ends a hold or a stay at zero; a wake's is its own.</summary>
    public Task<ExecuteCommandResult> OnStartCommandAsync(ExecuteCommandContext context, Func<ExecuteCommandContext, Task<ExecuteCommandResult>> execute)
    {
        lock (_gate)
        {
            if (_phase is ServicePhase.AtZero or ServicePhase.HeldDown)
            {
                _phase = ServicePhase.Running;
                _lastActivity = time.GetTimestamp();
            }
        }

        return execute(context);
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

    /// <summary>The wake under way, or a new one: every request and message arriving meanwhile waits for the same.</summary>
    private Task WakeOnce(string reason, string trigger, long triggeredAt)
    {
        if (_wake is not { IsCompleted: false })
        {
            // Run apart: the wake takes this lock itself.
            _wake = Task.Run(() => WakeAsync(reason, trigger, triggeredAt));
        }

        return _wake;
    }

    private async Task WakeAsync(string reason, string trigger, long triggeredAt)
    {
        var stopping = lifetime.ApplicationStopping;
        await _transition.WaitAsync(stopping);
        try
        {
            lock (_gate)
            {
                if (_phase != ServicePhase.AtZero)
                {
                    return;
                }

                _phase = ServicePhase.Waking;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(options.WakeTimeout);
            await StartUntilHealthyAsync(deadline.Token);
            var latency = time.GetElapsedTime(triggeredAt);
            lock (_gate)
            {
                if (_phase == ServicePhase.Waking)
                {
                    _phase = ServicePhase.Running;
                    _lastActivity = time.GetTimestamp();
                }
            }

            LogWoke(logger, Name, reason, latency.TotalSeconds);
            LogWoke(resourceLogs.GetLogger(ResourceId), Name, reason, latency.TotalSeconds);
            await ShowWakeAsync(reason, latency);
            await probe.ReportWakeAsync(ServiceUri, latency, trigger, stopping);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && Phase == ServicePhase.Waking)
        {
            // Started, but not healthy within the wake timeout: running as far as this mode is concerned, so the next
            // request tries it rather than start it again.
            SetPhase(ServicePhase.Running);
            throw;
        }
        finally
        {
            _transition.Release();
        }
    }

    /// <summary>Starts the service and waits for its health check; a start the orchestrator reports failed (seen on a
    /// loaded machine, where DCP gives up creating the process) is tried again, up to three times in all.</summary>
    private async Task StartUntilHealthyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await commands.ExecuteCommandAsync(project, KnownResourceCommands.StartCommand, cancellationToken);
            if (result.Success)
            {
                try
                {
                    await probe.WaitHealthyAsync(ServiceUri, () => Phase == ServicePhase.Waking && State() != KnownResourceStates.FailedToStart, cancellationToken);
                    return;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && Phase == ServicePhase.Waking)
                {
                    // The orchestrator gave up on this start: try again.
                }
            }

            LogStartFailed(logger, Name, attempt, result.Message);
            if (attempt == 3)
            {
                SetPhase(ServicePhase.AtZero);
                throw new DistributedApplicationException($"'{Name}' could not be woken: {result.Message ?? KnownResourceStates.FailedToStart}");
            }
        }
    }

    private bool IsRunning() => State() == KnownResourceStates.Running;

    private bool IsHealthy() =>
        _resourceId is { } id && notifications.TryGetCurrentState(id, out var current) && current.Snapshot.HealthStatus == HealthStatus.Healthy;

    private string? State() => _resourceId is { } id && notifications.TryGetCurrentState(id, out var current) ? current.Snapshot.State?.Text : null;

    private Task ShowStateAsync(string state, string style) =>
        notifications.PublishUpdateAsync(project, ResourceId, snapshot => snapshot with { State = new ResourceStateSnapshot(state, style) });

    /// <summary>The last wake and the number of wakes, among the resource's properties in the dashboard.</summary>
    private Task ShowWakeAsync(string reason, TimeSpan latency)
    {
        var wakes = Interlocked.Increment(ref _wakes);
        var lastWake = $"{time.GetUtcNow():HH:mm:ss} UTC on {reason}, healthy after {latency.TotalSeconds:0.000} s";
        return notifications.PublishUpdateAsync(project, ResourceId, snapshot => snapshot with
        {
            Properties =
            [
                .. snapshot.Properties.Where(p => p.Name is not (ScaleToZeroAnnotation.WakesProperty or ScaleToZeroAnnotation.LastWakeProperty)),
                new ResourcePropertySnapshot(ScaleToZeroAnnotation.WakesProperty, wakes),
                new ResourcePropertySnapshot(ScaleToZeroAnnotation.LastWakeProperty, lastWake),
            ],
        });
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} woke on {Reason}, healthy after {Seconds:0.000} s")]
    private static partial void LogWoke(ILogger logger, string resource, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} stopped by an operator: no request or message wakes it until it is started")]
    private static partial void LogHeldDown(ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} failed to start on wake attempt {Attempt} ({Reason})")]
    private static partial void LogStartFailed(ILogger logger, string resource, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} could not be stopped for being idle ({Reason})")]
    private static partial void LogStopFailed(ILogger logger, string resource, string? reason);

    public void Dispose() => _transition.Dispose();

    private sealed class InFlight(ScaledService service) : IDisposable
    {
        public void Dispose() => service.Leave();
    }
}
