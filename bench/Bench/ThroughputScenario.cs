namespace Shop.Bench;

/// <summary>Requests/s and latency of the hot read paths, each beside its baseline in the same run.</summary>
internal static class ThroughputScenario
{
    private const int Connections = 32;

    public static async Task RunAsync(BenchContext bench)
    {
        using var raw = StartedProcess.Start(Projects.RawApi.AssemblyPath, new Dictionary<string, string>
        {
            ["ConnectionStrings__catalogdb"] = bench.App.GetConnectionString("catalogdb"),
        });
        using var bare = StartedProcess.Start(Projects.BareApi.AssemblyPath, new Dictionary<string, string>());
        await raw.WaitForFirstOkAsync("/api/catalog/items/1");
        await bare.WaitForFirstOkAsync("/");

        var bareJson = await LoadAsync(bench, "bare minimal API", new Uri(bare.Address, "/"));
        await bench.MeasureAsync("catalog list", () => CompareAsync(bench, "catalog list", "/api/catalog/items?pageSize=12", raw, "raw Npgsql", atLeast: 0.8));
        await bench.MeasureAsync("catalog item by id", () => CompareAsync(bench, "catalog item by id", "/api/catalog/items/1", raw, "raw Npgsql", atLeast: 0.85));

        var buyer = bench.BuyerHeaders();
        await bench.MeasureAsync("basket get", async () =>
        {
            var basket = await LoadAsync(bench, "basket get", bench.Url("basket-api", "/api/basket"), buyer);
            bench.Report.AddRatio("throughput", "basket get", basket.RequestsPerSecond, "req/s", "bare minimal API", bareJson.RequestsPerSecond, atLeast: 0.6);
            ReportLatency(bench, "basket get", basket);
        });

        await bench.MeasureAsync("basket update", async () =>
        {
            var update = await LoadAsync(bench, "basket update", bench.Url("basket-api", "/api/basket/items/1"), buyer, Script.Put("{\"quantity\":1}"));
            bench.Report.Add(new Measurement("throughput", "basket update", update.RequestsPerSecond, "req/s"));
            ReportLatency(bench, "basket update", update);
        });

        foreach (var (name, path) in new[] { ("frontend home", "/"), ("frontend product page", "/products/1") })
        {
            await bench.MeasureAsync(name, async () =>
            {
                var page = await LoadAsync(bench, name, bench.Url("webfrontend", path));
                bench.Report.Add(new Measurement("throughput", name, page.RequestsPerSecond, "req/s"));
                ReportLatency(bench, name, page);
            });
        }
    }

    private static async Task CompareAsync(BenchContext bench, string name, string path, StartedProcess baseline, string baselineName, double atLeast)
    {
        var service = await LoadAsync(bench, name, bench.Url("catalog-api", path));
        var reference = await LoadAsync(bench, $"{name} ({baselineName})", new Uri(baseline.Address, path));
        bench.Report.AddRatio("throughput", name, service.RequestsPerSecond, "req/s", baselineName, reference.RequestsPerSecond, atLeast: atLeast);
        ReportLatency(bench, name, service);
    }

    private static void ReportLatency(BenchContext bench, string name, LoadResult result)
    {
        bench.Report.Add(new Measurement("latency", $"{name} p50", result.P50Ms, "ms"));
        bench.Report.Add(new Measurement("latency", $"{name} p99", result.P99Ms, "ms"));
    }

    private static async Task<LoadResult> LoadAsync(
        BenchContext bench, string name, Uri url, IReadOnlyDictionary<string, string>? headers = null, string? script = null)
    {
        Console.WriteLine($"  wrk {name}: {url} for {bench.LoadDuration.TotalSeconds:0} s…");
        var result = await Wrk.RunAsync(url, bench.LoadDuration, Connections, headers, script);
        return result.Errors > 0
            ? throw new InvalidOperationException($"{name}: {result.Errors} responses were not 2xx/3xx; the figure would be meaningless.")
            : result;
    }
}
