using System.Diagnostics;
using Shop.Hosting.LocalServers;
using Shop.Testing;

namespace Shop.Bench;

/// <summary>A service or baseline started from its build output on a free loopback port, for one measurement.</summary>
internal sealed class StartedProcess : IDisposable
{
    private readonly Process _process;

    private StartedProcess(Process process, Uri address, Stopwatch sinceStart)
    {
        _process = process;
        Address = address;
        SinceStart = sinceStart;
    }

    public Uri Address { get; }

    /// <summary>Started just before the process was launched.</summary>
    public Stopwatch SinceStart { get; }

    public int Id => _process.Id;

    public static StartedProcess Start(string assemblyPath, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePorts.Next();
        var startInfo = Repository.StartInfo(assemblyPath, environment);
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {assemblyPath}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StartedProcess(process, new Uri($"http://127.0.0.1:{port}"), stopwatch);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; returns the time since the process was launched.</summary>
    public async Task<TimeSpan> WaitForFirstOkAsync(string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeSpan.FromSeconds(60);
        while (SinceStart.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with code {_process.ExitCode} before answering {path}.");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{Address}{path} did not answer 200 within {deadline.TotalSeconds} s.");
    }

    public long ResidentMegabytes() => Memory.ResidentMegabytes(_process.Id);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
