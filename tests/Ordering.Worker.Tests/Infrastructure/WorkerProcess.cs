using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Shop.Hosting.Orchestration;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Ordering.Worker as a real process (<c>dotnet Ordering.Worker.dll</c>) that a test can kill or stop.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly ConcurrentQueue<string> _output;

    private WorkerProcess(ChildProcess process, Uri address, ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>Starts the worker and returns once /health reports the database and the broker reachable.</summary>
    public static async Task<WorkerProcess> StartAsync(WorkerSettings settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string>(settings.ToEnvironment())
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        var output = new ConcurrentQueue<string>();
        var process = await ChildProcess.StartAsync(
            new ChildProcessSpec("dotnet", [Projects.Ordering_Worker.AssemblyPath])
            {
                WorkingDirectory = Path.GetDirectoryName(Projects.Ordering_Worker.AssemblyPath),
                Environment = environment,
                ParentDeathSignal = PosixSignalNumber.Kill,
            },
            (line, _) => output.Enqueue(line));
        var worker = new WorkerProcess(process, address, output);
        await worker.WaitHealthyAsync();
        return worker;
    }

    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>SIGKILL: no chance to finish anything.</summary>
    public Task KillAsync() => _process.StopAsync(PosixSignalNumber.Kill, CancellationToken.None);

    /// <summary>SIGTERM, as a scale-in sends it; returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        _process.Signal(PosixSignalNumber.Term);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _process.WaitForExitAsync(timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"The worker exited during start-up:\n{Output}");
                }

                try
                {
                    using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    return health.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            () => Task.FromResult($"the worker is not healthy:\n{Output}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
