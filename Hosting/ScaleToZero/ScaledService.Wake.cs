using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Shop.Hosting.ScaleToZero;

/// <summary>Waking a service from zero: one wake at a time, its dependencies first, Aspire's Start command until the
/// service answers its health check, then the latency told to the dashboard, the logs and the service.</summary>
internal sealed partial class ScaledService
{
    /// <summary>The services this one waits for (Aspire's <c>WaitFor</c>): Aspire starts it only once they are
    /// healthy, so a wake wakes them too.</summary>
    public void WaitsFor(IReadOnlyList<ScaledService> services) => _awaited = services;

    private void WakeFor(string dependent, string trigger)
    {
        lock (_gate)
        {
            if (_phase is ServicePhase.AtZero or ServicePhase.Stopping)
            {
                _ = WakeOnce($"the start of {dependent}, which waits for it", trigger, time.GetTimestamp());
            }
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

            // Aspire starts this service only once the services it waits for are healthy, so they must neither stay at
            // zero nor go idle meanwhile (an idle stop during the start failed it: "entered the 'Finished' state
            // prematurely").
            var holds = _awaited.Select(awaited => awaited.Enter()).ToList();
            try
            {
                foreach (var awaited in _awaited)
                {
                    awaited.WakeFor(Name, trigger);
                }

                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                deadline.CancelAfter(options.WakeTimeout);
                await StartUntilHealthyAsync(deadline.Token);
            }
            finally
            {
                holds.ForEach(hold => hold.Dispose());
            }
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
            ExecuteCommandResult result;
            _wakeOf.Value = this;
            try
            {
                result = await commands.ExecuteCommandAsync(project, KnownResourceCommands.StartCommand, cancellationToken);
            }
            finally
            {
                _wakeOf.Value = null;
            }

            if (Phase != ServicePhase.Waking)
            {
                throw new OperationCanceledException("The service was stopped while it was being woken.");
            }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} woke on {Reason}, healthy after {Seconds:0.000} s")]
    private static partial void LogWoke(ILogger logger, string resource, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} failed to start on wake attempt {Attempt} ({Reason})")]
    private static partial void LogStartFailed(ILogger logger, string resource, int attempt, string? reason);
}
