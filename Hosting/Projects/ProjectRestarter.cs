using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Hosting.Projects;

/// <summary>Starts a service again, through Aspire's own Start command, when it exits without having been asked to,
/// after the back-off of its <see cref="RestartOnExitAnnotation"/>. Exits that someone asked for are left alone: a Stop
/// (until the next Start), a Restart or Rebuild while it runs, and everything once the app host is stopping. Each
/// decision is written to the service's console log in the dashboard and to the app host's log.</summary>
internal sealed partial class ProjectRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILogger<ProjectRestarter> logger)
{
    private readonly ConcurrentDictionary<string, Replica> _replicas = new(StringComparer.Ordinal);

    /// <summary>A command is stopping the replica on purpose: its exit is not one to restart after.</summary>
    public void HoldDown(string resourceId) => ReplicaOf(resourceId).HeldDown = true;

    /// <summary>The replica is no longer held down (it is being started, or the command that stopped it is over).</summary>
    public void Release(string resourceId) => ReplicaOf(resourceId).HeldDown = false;

    /// <summary>Called when a replica went from a live state to a terminal one (Aspire's <c>ResourceStoppedEvent</c>).
    /// Returns at once: the restart waits its back-off in the background.</summary>
    public void OnStopped(ResourceEvent exit, RestartOnExitAnnotation policy)
    {
        var stopping = lifetime.ApplicationStopping;
        var replica = ReplicaOf(exit.ResourceId);
        if (stopping.IsCancellationRequested || replica.HeldDown)
        {
            return;
        }

        var ranFor = exit.Snapshot.StartTimeStamp is { } start ? (exit.Snapshot.StopTimeStamp ?? DateTime.UtcNow) - start : TimeSpan.Zero;
        TimeSpan delay;
        lock (replica)
        {
            if (replica.RestartPending)
            {
                return;
            }

            replica.RestartPending = true;
            if (ranFor >= policy.StableAfter)
            {
                replica.ExitsInARow = 0;
            }

            delay = policy.DelayBefore(replica.ExitsInARow++);
        }

        var state = exit.Snapshot.State?.Text;
        LogExited(logger, exit.ResourceId, state, exit.Snapshot.ExitCode, ranFor.TotalSeconds, delay.TotalSeconds);
        LogExited(resourceLogs.GetLogger(exit.ResourceId), exit.ResourceId, state, exit.Snapshot.ExitCode, ranFor.TotalSeconds, delay.TotalSeconds);
        _ = RestartAsync(exit.ResourceId, replica, policy, delay, stopping);
    }

    private async Task RestartAsync(string resourceId, Replica replica, RestartOnExitAnnotation policy, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(delay, stopping);

                // Stopped from the dashboard, or started by someone else, while we waited: theirs is the last word.
                if (replica.HeldDown || !IsStopped(resourceId))
                {
                    return;
                }

                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stopping);
                if (result.Success)
                {
                    LogStarted(logger, resourceId);
                    LogStarted(resourceLogs.GetLogger(resourceId), resourceId);
                    return;
                }

                lock (replica)
                {
                    delay = policy.DelayBefore(replica.ExitsInARow++);
                }

                LogStartFailed(logger, resourceId, result.Message, delay.TotalSeconds);
                LogStartFailed(resourceLogs.GetLogger(resourceId), resourceId, result.Message, delay.TotalSeconds);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app host is stopping: it stops every resource, and none is to come back.
        }
        finally
        {
            lock (replica)
            {
                replica.RestartPending = false;
            }
        }
    }

    private bool IsStopped(string resourceId) =>
        notifications.TryGetCurrentState(resourceId, out var current)
        && current.Snapshot.State?.Text is { } state
        && KnownResourceStates.TerminalStates.Contains(state);

    private Replica ReplicaOf(string resourceId) => _replicas.GetOrAdd(resourceId, _ => new Replica());

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Resource} exited without being asked to ({State}, exit code {ExitCode}) after running {RanForSeconds:0.0} s; starting it again in {DelaySeconds:0.#} s")]
    private static partial void LogExited(ILogger logger, string resource, string? state, int? exitCode, double ranForSeconds, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} started again after exiting on its own")]
    private static partial void LogStarted(ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} could not be started again ({Reason}); trying again in {DelaySeconds:0.#} s")]
    private static partial void LogStartFailed(ILogger logger, string resource, string? reason, double delaySeconds);

    /// <summary>What the restarter knows of one replica (a DCP resource id) between its exits.</summary>
    private sealed class Replica
    {
        private volatile bool _heldDown;

        public bool HeldDown
        {
            get => _heldDown;
            set => _heldDown = value;
        }

        /// <summary>A restart is waiting its back-off or running: another exit report of the same run changes nothing.</summary>
        public bool RestartPending { get; set; }

        /// <summary>Runs in a row that ended before the policy's <see cref="RestartOnExitAnnotation.StableAfter"/>.</summary>
        public int ExitsInARow { get; set; }
    }
}
