using System.Diagnostics;
using System.Net;
using Aspire.Hosting.ApplicationModel;
using Shop.Contracts;
using Shop.Hosting.ScaleToZero;

namespace Shop.Bench;

/// <summary>Scale to zero's cost to a caller: the first request after idle, sent to a service the app host has scaled to
/// zero, through the activator that holds it until the service is healthy; from sending it to its 200. Each service
/// goes to zero and is woken <see cref="Wakes"/> times; the four services cycle at once, so a page load's wake of
/// webfrontend may include catalog-api's, as it does for a shopper.</summary>
internal static class WakeScenario
{
    /// <summary>The idle time the system runs with for this scenario (<c>ScaleToZero:IdleTime</c>).</summary>
    public static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(BenchContext bench)
    {
        var buyer = bench.BuyerHeaders();
        await Task.WhenAll(new (string Resource, string Path, Dictionary<string, string>? Headers)[]
            {
                (ResourceNames.CatalogApi, "/api/catalog/items", null),
                (ResourceNames.BasketApi, "/api/basket", buyer),
                (ResourceNames.OrderingWorker, "/api/orders", buyer),
                (ResourceNames.WebFrontend, "/", null),
            }
            .Select(target => bench.MeasureAsync($"{target.Resource} wake", () => MeasureAsync(bench, target.Resource, target.Path, target.Headers))));
    }

    private static int Wakes(BenchContext bench) => bench.Quick ? 5 : 20;

    private static async Task MeasureAsync(BenchContext bench, string resource, string path, Dictionary<string, string>? headers)
    {
        using var client = new HttpClient { BaseAddress = bench.App.GetEndpoint(resource), Timeout = TimeSpan.FromMinutes(2) };
        foreach (var (name, value) in headers ?? [])
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        var wakes = new List<double>();
        var failures = 0;
        for (var i = 0; i < Wakes(bench); i++)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await bench.App.ResourceNotifications.WaitForResourceAsync(
                resource, e => e.Snapshot.State?.Text == ScaleToZeroAnnotation.ScaledToZeroState, deadline.Token);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    wakes.Add(stopwatch.Elapsed.TotalMilliseconds);
                    continue;
                }

                Console.Error.WriteLine($"  {resource}{path} answered {(int)response.StatusCode} to the request that woke it");
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                Console.Error.WriteLine($"  {resource}{path}: no answer to the request that woke it within 2 min ({ex.GetType().Name})");
            }

            failures++;
        }

        if (failures > 0)
        {
            bench.Report.Add(new Measurement("wake", $"{resource} wakes that did not answer 200", failures, "wakes") { Target = "0", Met = false });
        }

        bench.Report.Add(new Measurement("wake", $"{resource} first request after idle, p50 of {wakes.Count}", BenchContext.Median(wakes), "ms"));
        bench.Report.Add(new Measurement("wake", $"{resource} first request after idle, p99 of {wakes.Count}", BenchContext.Percentile(wakes, 99), "ms"));
    }
}
