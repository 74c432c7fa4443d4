using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Bench;

/// <summary>Concurrent shoppers each fill a basket and check out with the approving test card; measured from the
/// checkout request to the order page showing Paid.</summary>
internal static class PipelineScenario
{
    private const int Shoppers = 20;

    public static async Task RunAsync(BenchContext bench)
    {
        using var basket = new HttpClient { BaseAddress = bench.App.GetEndpoint("basket-api") };
        using var ordering = new HttpClient { BaseAddress = bench.App.GetEndpoint("ordering-worker") };
        var productId = await RestockedProductAsync(bench);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var remaining = bench.PipelineOrders;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                latencies.Add(await CheckoutToPaidAsync(bench, basket, ordering, productId));
            }
        }));
        total.Stop();

        bench.Report.Add(new Measurement("order pipeline", $"orders/s ({Shoppers} shoppers)", latencies.Count / total.Elapsed.TotalSeconds, "orders/s"));
        bench.Report.Add(new Measurement("order pipeline", "checkout → Paid p50", BenchContext.Percentile(latencies, 50), "ms"));
        var p99 = BenchContext.Percentile(latencies, 99);
        bench.Report.Add(new Measurement("order pipeline", "checkout → Paid p99", p99, "ms") { Target = "< 250 ms", Met = p99 < 250 });
    }

    /// <summary>A product with stock for every order of the run, set through the operator API.</summary>
    private static async Task<int> RestockedProductAsync(BenchContext bench)
    {
        using var catalog = new HttpClient { BaseAddress = bench.App.GetEndpoint("catalog-api") };
        catalog.DefaultRequestHeaders.Add("X-Operator-Key", ((Shop.Hosting.ApplicationModel.ParameterResource)bench.App.Application.Model.Find("operator-key")).Value);
        using var response = await catalog.PutAsJsonAsync("/api/catalog/items/1/stock", new { availableStock = 1_000_000 });
        response.EnsureSuccessStatusCode();
        return 1;
    }

    private static async Task<double> CheckoutToPaidAsync(BenchContext bench, HttpClient basket, HttpClient ordering, int productId)
    {
        var headers = bench.BuyerHeaders();
        await SendAsync(basket, HttpMethod.Put, $"/api/basket/items/{productId}", headers, new { quantity = 1 });
        var stopwatch = Stopwatch.StartNew();
        using var checkout = await SendAsync(basket, HttpMethod.Post, "/api/basket/checkout", headers, new
        {
            shippingAddress = new { fullName = "Bench Shopper", street = "1 Loop Road", city = "Localhost", postalCode = "12345", country = "NL" },
            payment = new { cardNumber = "4242424242424242", cardHolder = "Bench Shopper", expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 2, cvc = "123" },
        }, idempotencyKey: Guid.NewGuid().ToString());
        var orderId = (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var order = await SendAsync(ordering, HttpMethod.Get, $"/api/orders/{orderId}", headers, body: null, allowNotFound: true);
            if (order.IsSuccessStatusCode && (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() is "Paid")
            {
                return stopwatch.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(2);
        }

        throw new TimeoutException($"Order {orderId} was not Paid within 30 s.");
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, Dictionary<string, string> headers, object? body, string? idempotencyKey = null, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode && !(allowNotFound && response.StatusCode == System.Net.HttpStatusCode.NotFound))
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
