using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Shop.Testing;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Ordering.Worker as a real process (<c>dotnet Ordering.Worker.dll</c>) that a test can kill or stop.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private WorkerProcess(Process process, Uri address, ConcurrentQueue<string> output)
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
        var process = Process.Start(Repository.StartInfo(Repository.BuildOutput("Ordering.Worker"), environment)) ?? throw new InvalidOperationException("The worker could not be started.");
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var worker = new WorkerProcess(process, address, output);
        await worker.WaitHealthyAsync();
        return worker;
    }

    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>SIGKILL: no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a scale-in sends it; returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        _ = Signal(_process.Id, Sigterm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
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
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or a health check still waiting on a server on a loaded machine: ask again.
                    return false;
                }
            },
            () => Task.FromResult($"the worker is not healthy:\n{Output}"));
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
