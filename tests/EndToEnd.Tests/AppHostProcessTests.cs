using System.Diagnostics;

namespace Shop.EndToEnd.Tests;

/// <summary>The AppHost as an operator runs it, in its own process: however it ends, no server or service
/// process it started is left behind.</summary>
public sealed class AppHostProcessTests : IDisposable
{
    private static readonly TimeSpan _cleanupDeadline = TimeSpan.FromSeconds(15);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "shop-tests", "apphost-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Ctrl_C_stops_every_resource_within_ten_seconds()
    {
        using var appHost = await StartAppHostAsync();

        var stopwatch = Stopwatch.StartNew();
        _ = Signal(appHost.Id, 2);
        await appHost.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"The AppHost took {stopwatch.Elapsed.TotalSeconds:0.0} s to stop.");
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
        var startInfo = new ProcessStartInfo("dotnet", [Projects.AppHost.AssemblyPath, "--no-browser", "--random-ports", "--state-dir", _state])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var appHost = Process.Start(startInfo)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        appHost.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("All resources are running", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        appHost.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();

        var finished = await Task.WhenAny(ready.Task, appHost.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(finished == ready.Task, "The AppHost did not report every resource running:\n" + string.Join('\n', output.TakeLast(60)));
        Assert.True(ProcessesOfThisStateFolder().Count >= 7, "Expected the servers and services among the AppHost's children.");
        return appHost;
    }

    private async Task AssertNoProcessLeftAsync()
    {
        var deadline = DateTime.UtcNow + _cleanupDeadline;
        List<int> left;
        while ((left = ProcessesOfThisStateFolder()).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(left.Count == 0, "Still running after 15 s: " + string.Join(", ", left.Select(Describe)));
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
