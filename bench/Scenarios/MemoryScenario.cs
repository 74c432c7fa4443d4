namespace Shop.Bench;

/// <summary>Resident memory of each service run by the AppHost: at idle, before any load, and the peak while the
/// load scenarios run (sampled every 250 ms).</summary>
internal sealed class MemoryScenario : IAsyncDisposable
{
    public static readonly string[] Services = ["catalog-api", "basket-api", "ordering-worker", "webfrontend"];

    private readonly BenchContext _bench;
    private readonly Dictionary<string, long> _peaks = Services.ToDictionary(service => service, _ => 0L);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private MemoryScenario(BenchContext bench)
    {
        _bench = bench;
        _sampling = SampleAsync();
    }

    public static void RecordIdle(BenchContext bench)
    {
        foreach (var service in Services)
        {
            var megabytes = ResidentMegabytes(bench, service);
            bench.Report.Add(new Measurement("memory", $"{service} RSS at idle", megabytes, "MB") { Target = "< 120 MB", Met = megabytes < 120 });
        }
    }

    public static MemoryScenario StartSamplingPeaks(BenchContext bench) => new(bench);

    /// <summary>Stops sampling and reports the peaks.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        foreach (var (service, megabytes) in _peaks)
        {
            _bench.Report.Add(new Measurement("memory", $"{service} RSS peak under load", megabytes, "MB"));
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        do
        {
            foreach (var service in Services)
            {
                try
                {
                    _peaks[service] = Math.Max(_peaks[service], ResidentMegabytes(_bench, service));
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException)
                {
                    // Stopped for a moment (the cold-start scenario stops the AppHost's worker).
                }
            }
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long ResidentMegabytes(BenchContext bench, string service) =>
        Memory.ResidentMegabytes(Memory.FindServiceProcess(bench.BuildOutput(service), bench.ServicePort(service)));
}
