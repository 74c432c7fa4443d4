namespace Shop.Bench;

/// <summary>Requests/s and latency of the hot paths, each beside its baseline in the same run; the servers' own
/// benchmarks (pgbench, redis-benchmark) are reported beside them as the ceiling of the data stores.</summary>
internal static class ThroughputScenario
{
    private const int Connections = 32;

    public static async Task RunAsync(BenchContext bench)
    {
        using var raw = StartedProcess.Start(BaselineApps.BuildOutput(BaselineApps.RawApi), new Dictionary<string, string>
        {
            ["ConnectionStrings__catalogdb"] = bench.App.GetConnectionString("catalogdb"),
            ["ConnectionStrings__cache"] = bench.App.GetConnectionString("cache"),
        });
        using var bare = StartedProcess.Start(BaselineApps.BuildOutput(BaselineApps.BareApi), new Dictionary<string, string>());
        await raw.WaitForFirstOkAsync("/api/catalog/items/1");
        await bare.WaitForFirstOkAsync("/");
        var bareJson = new Target("bare minimal API", new Uri(bare.Address, "/"));

        await bench.MeasureAsync("catalog list", () => CompareAsync(bench, "catalog list",
            new Target("catalog list", bench.Url("catalog-api", "/api/catalog/items?pageSize=12")),
            new Target("raw Npgsql", new Uri(raw.Address, "/api/catalog/items?pageSize=12")), atLeast: 0.8));
        // Search with a typo beside the plain listing in the same rounds: what forgiving a typo costs (a vocabulary
        // lookup, then the full-text query), as a ratio to the catalog's own cheapest page.
        await bench.MeasureAsync("catalog search with a typo", () => CompareAsync(bench, "catalog search with a typo (\"trekking backpak\")",
            new Target("catalog search with a typo", bench.Url("catalog-api", "/api/catalog/items?pageSize=12&q=trekking+backpak")),
            new Target("catalog list", bench.Url("catalog-api", "/api/catalog/items?pageSize=12")), atLeast: 0.5));
        await bench.MeasureAsync("catalog item by id", () => CompareAsync(bench, "catalog item by id",
            new Target("catalog item by id", bench.Url("catalog-api", "/api/catalog/items/1")),
            new Target("raw Npgsql", new Uri(raw.Address, "/api/catalog/items/1")), atLeast: 0.85));
        await bench.MeasureAsync("pgbench -S", async () =>
        {
            var tps = await PgBench.SelectOnlyTransactionsPerSecondAsync(bench.App.GetConnectionString("catalogdb"), bench.LoadDuration, Connections);
            bench.Report.Add(new Measurement("throughput", "pgbench -S (PostgreSQL alone)", tps, "tx/s"));
        });

        var buyerId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var buyer = bench.BuyerHeaders(buyerId);
        await bench.MeasureAsync("basket get", async () =>
        {
            await CompareAsync(bench, "basket get, empty basket", new Target("basket get, empty basket", bench.Url("basket-api", "/api/basket"), buyer), bareJson, atLeast: 0.6);

            // With lines, every GET also asks Catalog.Api for today's names and prices: the same target, and beside it
            // the raw Redis read of the same hash, to show what the catalog call costs.
            await FillBasketAsync(bench, buyer, productIds: [1, 2, 3]);
            await CompareAsync(bench, "basket get, 3 lines", new Target("basket get, 3 lines", bench.Url("basket-api", "/api/basket"), buyer), bareJson, atLeast: 0.6,
                alsoAgainst: new Target("raw Redis read", new Uri(raw.Address, $"/api/basket/{buyerId}")));
        });
        await bench.MeasureAsync("redis-benchmark", async () =>
        {
            var gets = await RedisBenchmark.GetsPerSecondAsync(bench.App.GetConnectionString("cache"), requests: bench.Quick ? 50_000 : 200_000, Connections);
            bench.Report.Add(new Measurement("throughput", "redis-benchmark GET (Redis alone)", gets, "req/s"));
        });

        await bench.MeasureAsync("basket update", () =>
            ReportAsync(bench, new Target("basket update", bench.Url("basket-api", "/api/basket/items/1"), buyer, Script.Put("{\"quantity\":1}"))));
        await bench.MeasureAsync("frontend home", () => ReportAsync(bench, new Target("frontend home", bench.Url("webfrontend", "/"))));
        await bench.MeasureAsync("frontend product page", () => ReportAsync(bench, new Target("frontend product page", bench.Url("webfrontend", "/products/1"))));
    }

    /// <summary>What wrk loads: a URL, with the headers and script its requests need.</summary>
    private sealed record Target(string Name, Uri Url, IReadOnlyDictionary<string, string>? Headers = null, string? Script = null);

    /// <summary>The service and its baseline in alternating rounds, so that a noisy moment of the machine falls on
    /// both; the median round of each makes the ratio, checked against its target. <paramref name="alsoAgainst"/>, a
    /// second baseline in the same rounds, gets a ratio without a target.</summary>
    private static async Task CompareAsync(BenchContext bench, string name, Target service, Target baseline, double atLeast, Target? alsoAgainst = null)
    {
        var serviceRounds = new List<LoadResult>();
        var baselineRounds = new List<double>();
        var otherRounds = new List<double>();
        for (var round = 0; round < bench.Rounds; round++)
        {
            serviceRounds.Add(await LoadAsync(bench, service, warmUp: round == 0));
            baselineRounds.Add((await LoadAsync(bench, baseline, warmUp: round == 0)).RequestsPerSecond);
            if (alsoAgainst is not null)
            {
                otherRounds.Add((await LoadAsync(bench, alsoAgainst, warmUp: round == 0)).RequestsPerSecond);
            }
        }

        var measured = serviceRounds.OrderBy(result => result.RequestsPerSecond).ElementAt(serviceRounds.Count / 2);
        var serviceFigures = serviceRounds.Select(result => result.RequestsPerSecond).ToArray();
        bench.Report.AddRatio("throughput", name, measured.RequestsPerSecond, "req/s", baseline.Name, BenchContext.Median(baselineRounds),
            serviceFigures.Zip(baselineRounds), atLeast: atLeast);
        if (alsoAgainst is not null)
        {
            bench.Report.AddRatio("throughput", $"{name} (vs the {alsoAgainst.Name})", measured.RequestsPerSecond, "req/s", alsoAgainst.Name, BenchContext.Median(otherRounds),
                serviceFigures.Zip(otherRounds));
        }

        ReportLatency(bench, name, measured);
    }

    private static async Task ReportAsync(BenchContext bench, Target target)
    {
        var result = await LoadAsync(bench, target, warmUp: true);
        bench.Report.Add(new Measurement("throughput", target.Name, result.RequestsPerSecond, "req/s"));
        ReportLatency(bench, target.Name, result);
    }

    private static async Task FillBasketAsync(BenchContext bench, IReadOnlyDictionary<string, string> buyer, int[] productIds)
    {
        using var client = new HttpClient { BaseAddress = bench.ServiceAddress("basket-api") };
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

    private static async Task<LoadResult> LoadAsync(BenchContext bench, Target target, bool warmUp)
    {
        Console.WriteLine($"  wrk {target.Name}: {target.Url} for {(warmUp ? $"{bench.WarmUpDuration.TotalSeconds:0} s to warm up, then " : "")}{bench.LoadDuration.TotalSeconds:0} s…");
        if (warmUp)
        {
            // Not counted: the first seconds under load are the JIT's (tiered compilation), not the steady state's.
            await Wrk.RunAsync(target.Url, bench.WarmUpDuration, Connections, target.Headers, target.Script);
        }

        var result = await Wrk.RunAsync(target.Url, bench.LoadDuration, Connections, target.Headers, target.Script);
        return result.Errors > 0
            ? throw new InvalidOperationException($"{target.Name}: {result.Errors} responses were not 2xx/3xx; the figure would be meaningless.")
            : result;
    }
}
