namespace Shop.Bench;

/// <summary>Requests/s and latency of the hot paths, each beside its baseline in the same run; the servers' own
/// benchmarks (pgbench, redis-benchmark) are reported beside them as the ceiling of the data stores.</summary>
internal static class ThroughputScenario
{
    private const int Connections = 32;

    public static async Task RunAsync(BenchContext bench)
    {
        using var raw = StartedProcess.Start(Projects.RawApi.AssemblyPath, new Dictionary<string, string>
        {
            ["ConnectionStrings__catalogdb"] = bench.App.GetConnectionString("catalogdb"),
            ["ConnectionStrings__cache"] = bench.App.GetConnectionString("cache"),
        });
        using var bare = StartedProcess.Start(Projects.BareApi.AssemblyPath, new Dictionary<string, string>());
        await raw.WaitForFirstOkAsync("/api/catalog/items/1");
        await bare.WaitForFirstOkAsync("/");

        var bareJson = await LoadAsync(bench, "bare minimal API", new Uri(bare.Address, "/"));
        await bench.MeasureAsync("catalog list", () => CompareAsync(bench, "catalog list", bench.Url("catalog-api", "/api/catalog/items?pageSize=12"), new Uri(raw.Address, "/api/catalog/items?pageSize=12"), "raw Npgsql", atLeast: 0.8));
        await bench.MeasureAsync("catalog item by id", () => CompareAsync(bench, "catalog item by id", bench.Url("catalog-api", "/api/catalog/items/1"), new Uri(raw.Address, "/api/catalog/items/1"), "raw Npgsql", atLeast: 0.85));
        await bench.MeasureAsync("pgbench -S", async () =>
        {
            var tps = await PgBench.SelectOnlyTransactionsPerSecondAsync(bench.App.GetConnectionString("catalogdb"), bench.LoadDuration, Connections);
            bench.Report.Add(new Measurement("throughput", "pgbench -S (PostgreSQL alone)", tps, "tx/s"));
        });

        var buyerId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var buyer = bench.BuyerHeaders(buyerId);
        await bench.MeasureAsync("basket get", async () =>
        {
            var empty = await LoadAsync(bench, "basket get, empty", bench.Url("basket-api", "/api/basket"), buyer);
            bench.Report.AddRatio("throughput", "basket get, empty basket", empty.RequestsPerSecond, "req/s", "bare minimal API", bareJson.RequestsPerSecond, atLeast: 0.6);
            ReportLatency(bench, "basket get, empty basket", empty);

            await FillBasketAsync(bench, buyer, productIds: [1, 2, 3]);
            await CompareAsync(bench, "basket get, 3 lines", bench.Url("basket-api", "/api/basket"), new Uri(raw.Address, $"/api/basket/{buyerId}"), "raw Redis read", atLeast: null, buyer);
        });
        await bench.MeasureAsync("redis-benchmark", async () =>
        {
            var gets = await RedisBenchmark.GetsPerSecondAsync(bench.App.GetConnectionString("cache"), requests: bench.Quick ? 50_000 : 200_000, Connections);
            bench.Report.Add(new Measurement("throughput", "redis-benchmark GET (Redis alone)", gets, "req/s"));
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

    /// <summary>The service and its baseline under the same load, one after the other; the ratio is reported, with a
    /// target where the issue sets one.</summary>
    private static async Task CompareAsync(
        BenchContext bench, string name, Uri service, Uri baseline, string baselineName, double? atLeast, IReadOnlyDictionary<string, string>? headers = null)
    {
        var measured = await LoadAsync(bench, name, service, headers);
        var reference = await LoadAsync(bench, $"{name} ({baselineName})", baseline);
        bench.Report.AddRatio("throughput", name, measured.RequestsPerSecond, "req/s", baselineName, reference.RequestsPerSecond, atLeast: atLeast);
        ReportLatency(bench, name, measured);
    }

    private static async Task FillBasketAsync(BenchContext bench, IReadOnlyDictionary<string, string> buyer, int[] productIds)
    {
        using var client = new HttpClient { BaseAddress = bench.App.GetEndpoint("basket-api") };
        foreach (var productId in productIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/basket/items/{productId}")
            {
                Content = new StringContent("{\"quantity\":2}", System.Text.Encoding.UTF8, "application/json"),
            };
            foreach (var (header, value) in buyer)
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }

            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
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
