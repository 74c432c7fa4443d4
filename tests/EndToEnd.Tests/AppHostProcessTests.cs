using System.Diagnostics;

namespace Shop.EndToEnd.Tests;

/// <summary>The AppHost as an operator runs it, in its own process: however it ends, no server or service
/// process it started is left behind.</summary>
[Collection(Name)]
public sealed class AppHostProcessTests : IDisposable
{
    public const string Name = "apphost process";

    private static readonly TimeSpan _cleanupDeadline = TimeSpan.FromSeconds(30);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "shop-tests", "apphost-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Ctrl_C_stops_every_resource_within_fifteen_seconds()
    {
        using var appHost = await StartAppHostAsync();

        var stopwatch = Stopwatch.StartNew();
        _ = Signal(appHost.Id, 2);
        await appHost.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"The AppHost took {stopwatch.Elapsed.TotalSeconds:0.0} s to stop.");
        await AssertNoProcessLeftAsync();
    }

    [Fact]
    public async Task Killing_the_AppHost_outright_leaves_no_process_behind()
    {
        using var appHost = await StartAppHostAsync();

        appHost.Kill();

        await AssertNoProcessLeftAsync();
    }

    public void Dispose()
    {
        foreach (var pid in ProcessesOfThisStateFolder())
        {
            _ = Signal(pid, 9);
        }

        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<Process> StartAppHostAsync()
    {
        // As `dotnet run --project AppHost` runs it (its http launch profile), with a private data folder. The shop's
        // own ports are the fixed ones (5080, 5101–5103): the other tests run the system on random ports.
        var startInfo = new ProcessStartInfo("dotnet", [AppHostAssembly, $"--LocalServers:DataPath={_state}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AppHostAssembly),
            Environment =
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = "http://127.0.0.1:0",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                ["DOTNET_ENVIRONMENT"] = "Development",
            },
        };
        var appHost = Process.Start(startInfo)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        appHost.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        appHost.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();

        using var health = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!await AllServicesHealthyAsync(health))
        {
            Assert.True(DateTime.UtcNow < deadline && !appHost.HasExited, "The services did not all become healthy:\n" + string.Join('\n', output.TakeLast(60)));
            await Task.Delay(500);
        }

        Assert.True(ProcessesOfThisStateFolder().Count >= 9, "Expected the servers and services among the AppHost's children.");
        return appHost;
    }

    private static string AppHostAssembly => Path.Combine(Projects.AppHost.ProjectPath, "bin", Configuration, "net10.0", "AppHost.dll");

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<bool> AllServicesHealthyAsync(HttpClient health)
    {
        foreach (var port in (int[])[5080, 5101, 5102, 5103])
        {
            try
            {
                using var response = await health.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    private async Task AssertNoProcessLeftAsync()
    {
        var deadline = DateTime.UtcNow + _cleanupDeadline;
        List<int> left;
        while ((left = ProcessesOfThisStateFolder()).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(left.Count == 0, "Still running after 30 s: " + string.Join(", ", left.Select(Describe)));
    }

    /// <summary>Every process started for a resource carries SHOP_STATE_DIR=&lt;state folder&gt; in its environment.</summary>
    private List<int> ProcessesOfThisStateFolder()
    {
        var marker = $"SHOP_STATE_DIR={_state}\0";
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "environ")).Contains(marker, StringComparison.Ordinal)
                    && !File.ReadAllText(Path.Combine(directory, "stat")).Contains(") Z ", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return found;
    }

    private static string Describe(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);
}

/// <summary>Alone, after the shared system's tests: each of these boots a whole second system, which beside the shared
/// one takes the machine from the shoppers' requests there, whose calls between services give up after 10 s.</summary>
[CollectionDefinition(AppHostProcessTests.Name, DisableParallelization = true)]
public sealed class AppHostProcessAlone;
