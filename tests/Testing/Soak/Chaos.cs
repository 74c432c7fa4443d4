using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Shop.Contracts;

namespace Shop.Testing.Soak;

/// <summary>The faults of the soak: the ordering-worker killed with SIGKILL at a steady interval (brought back by the app
/// host's restart on exit, as Container Apps would), and servers restarted through the app host's Restart command (for a
/// local server, its process: same port, same data), each recorded from the moment it struck until healthy again.</summary>
internal sealed class Chaos(StartedApplication app, SoakPlan plan, FaultTimeline faults, ResourceStates states, TextWriter log)
{
    /// <summary>The worker's assembly, which its <c>dotnet run</c> process starts as a child.</summary>
    private const string WorkerAssembly = "Ordering.Worker";

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
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(plan.WorkerKillInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RecordFailureAsync(ResourceNames.OrderingWorker, KillWorkerAsync);
        }
    }

    /// <summary>Restarts the servers one after the other, after <paramref name="delay"/>.</summary>
    public async Task RestartServersAsync(IEnumerable<string> servers, TimeSpan delay)
    {
        await Task.Delay(delay);
        foreach (var server in servers)
        {
            await RecordFailureAsync(server, async () =>
            {
                var fault = faults.Begin(server, isServerOutage: true);
                await app.RestartAsync(server, _recoveryTimeout);
                faults.End(fault);
                Log($"{server} restarted, healthy again after {(fault.End - fault.Start)!.Value.TotalSeconds:0.0} s");
            });
        }
    }

    /// <summary>A fault the system does not recover from is a finding of the soak, not the end of it.</summary>
    private async Task RecordFailureAsync(string resource, Func<Task> fault)
    {
        try
        {
            await fault();
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
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
        await app.WaitUntilHealthyAsync(ResourceNames.OrderingWorker, deadline.Token);
        faults.End(fault);
        Log($"ordering-worker SIGKILLed, healthy again after {(fault.End - fault.Start)!.Value.TotalSeconds:0.0} s");
    }

    private void Log(string line) => log.WriteLine($"  {(faults.Now - faults.Started).TotalSeconds,6:0.0} s  {line}");
}
