using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Shop.Contracts;

namespace Shop.Testing.Soak;

/// <summary>The faults of the soak: the ordering-worker killed with SIGKILL at a steady interval (brought back by the app
/// host's restart on exit, as Container Apps would), and servers restarted through the app host's Restart command (for a
/// local server, its process: same port, same data) or frozen, each recorded from the moment it struck until healthy
/// again.</summary>
internal sealed class Chaos(StartedApplication app, SoakPlan plan, FaultTimeline faults, ResourceStates states, TextWriter log)
{
    /// <summary>The worker's assembly, which its <c>dotnet run</c> process starts as a child.</summary>
    public const string WorkerAssembly = "Ordering.Worker";

    /// <summary>Restarting a server or a service on this shared, loaded machine can take long; longer is a failure.</summary>
    private static readonly TimeSpan _recoveryTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<string> _failures = new();
    private int _killsSkipped;

    /// <summary>Faults the system did not recover from in time.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public int WorkerKills => faults.Faults.Count(f => !f.IsServerOutage);

    /// <summary>Times the worker was not running when its kill was due (at zero, or still coming back).</summary>
    public int KillsSkipped => _killsSkipped;

    public async Task KillWorkerRepeatedlyAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(plan.WorkerKillInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await RecordFailureAsync(ResourceNames.OrderingWorker, KillWorkerAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The shoppers are done: no more kills.
        }
    }

    /// <summary>Strikes the servers one after the other, after <paramref name="delay"/>.</summary>
    public async Task StrikeServersAsync(IEnumerable<ServerFault> serverFaults, TimeSpan delay)
    {
        await Task.Delay(delay);
        foreach (var serverFault in serverFaults)
        {
            await RecordFailureAsync(serverFault.ToString(), async () =>
            {
                var fault = faults.Begin(serverFault.ToString(), isServerOutage: true);
                if (serverFault.Pause is { } pause)
                {
                    await FreezeAsync(serverFault.Server, pause);
                }
                else
                {
                    await app.RestartAsync(serverFault.Server, _recoveryTimeout);
                }

                faults.End(fault);
                Log(fault, serverFault.ToString());
            });
        }
    }

    /// <summary>Freezes the server's process (its <c>-server</c> resource where it runs as a local process) and thaws it
    /// after <paramref name="pause"/>.</summary>
    private async Task FreezeAsync(string server, TimeSpan pause)
    {
        var resource = states.Latest($"{server}-server") ?? states.Latest(server);
        if (resource is null || ServiceProcesses.Pid(resource) is not { } pid || !ServiceProcesses.Freeze(pid))
        {
            throw new InvalidOperationException($"{server} has no process to freeze.");
        }

        try
        {
            await Task.Delay(pause);
        }
        finally
        {
            ServiceProcesses.Thaw(pid);
        }

        using var deadline = new CancellationTokenSource(_recoveryTimeout);
        await app.WaitUntilHealthyAgainAsync(server, deadline.Token);
    }

    /// <summary>A fault the system does not recover from is a finding of the soak, not the end of it.</summary>
    private async Task RecordFailureAsync(string resource, Func<Task> fault)
    {
        try
        {
            await fault();
        }
        catch (Exception ex)
        {
            _failures.Enqueue($"{resource} did not recover within {_recoveryTimeout.TotalMinutes:0} min: {ex.Message}");
            Log($"{resource} did not recover: {ex.Message}");
        }
    }

    private async Task KillWorkerAsync()
    {
        if (states.Latest(ResourceNames.OrderingWorker) is not { } latest
            || latest.Snapshot.State?.Text != KnownResourceStates.Running
            || ServiceProcesses.Pid(latest) is not { } runner)
        {
            Interlocked.Increment(ref _killsSkipped);
            Log("ordering-worker not running when its kill was due: skipped");
            return;
        }

        int service;
        try
        {
            service = ServiceProcesses.ServiceProcessOf(runner, WorkerAssembly);
        }
        catch (InvalidOperationException)
        {
            // Its dotnet run is up but has not started the service yet.
            Interlocked.Increment(ref _killsSkipped);
            return;
        }

        var fault = faults.Begin(ResourceNames.OrderingWorker, isServerOutage: false);
        if (!ServiceProcesses.Kill(service))
        {
            throw new InvalidOperationException($"SIGKILL of the ordering-worker's process {service} failed.");
        }

        using var deadline = new CancellationTokenSource(_recoveryTimeout);
        await app.WaitUntilRunningAsync(ResourceNames.OrderingWorker, notPid: runner, deadline.Token);

        // A replica that crashes on start (its database restarting, say) is not the end: the restart on exit tries again.
        await app.WaitUntilHealthyAgainAsync(ResourceNames.OrderingWorker, deadline.Token);
        faults.End(fault);
        Log(fault, "ordering-worker SIGKILLed");
    }

    private void Log(string line) => Log(faults.Now, line);

    private void Log(Fault fault, string what) => Log(fault.Start, $"{what}; healthy again {(fault.End - fault.Start)!.Value.TotalSeconds:0.0} s later");

    /// <summary>A line of progress, stamped with the time into the soak at which it happened.</summary>
    private void Log(DateTimeOffset at, string line) => log.WriteLine($"  {(at - faults.Started).TotalSeconds,6:0.0} s  {line}");
}
