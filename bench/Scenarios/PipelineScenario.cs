using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Shop.Contracts;

namespace Shop.Bench;

/// <summary>Concurrent shoppers each fill a basket and check out with the approving test card, each buying a product
/// of their own; measured from the checkout request to the worker's OrderStatusChanged(Paid), which the bench hears on
/// a queue of its own bound to the event's exchange. Listening instead of polling puts no extra load on the system.</summary>
internal static class PipelineScenario
{
    private const int Shoppers = 20;

    public static async Task RunAsync(BenchContext bench)
    {
        using var basket = new HttpClient { BaseAddress = bench.ServiceAddress("basket-api") };
        await RestockAsync(bench);
        await using var paid = await PaidListener.StartAsync(bench.App.GetConnectionString("messaging"));

        // One order per shopper first, not counted: the first pass through each handler is the JIT's, not the pipeline's.
        await Task.WhenAll(Enumerable.Range(1, Shoppers).Select(productId => CheckoutToPaidAsync(bench, basket, paid, productId)));

        var latencies = new ConcurrentBag<double>();
        var checkouts = new ConcurrentBag<double>();
        var remaining = bench.PipelineOrders;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, Shoppers).Select(async productId =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var (checkout, toPaid) = await CheckoutToPaidAsync(bench, basket, paid, productId);
                checkouts.Add(checkout);
                latencies.Add(toPaid);
            }
        }));
        total.Stop();

        bench.Report.Add(new Measurement("order pipeline", $"orders/s ({Shoppers} shoppers)", latencies.Count / total.Elapsed.TotalSeconds, "orders/s"));
        bench.Report.Add(new Measurement("order pipeline", "checkout request p50", BenchContext.Percentile(checkouts, 50), "ms"));
        bench.Report.Add(new Measurement("order pipeline", "checkout → Paid p50", BenchContext.Percentile(latencies, 50), "ms"));
        var p99 = BenchContext.Percentile(latencies, 99);
        bench.Report.Add(new Measurement("order pipeline", "checkout → Paid p99", p99, "ms") { Target = "< 250 ms", Met = p99 < 250 });
    }

    /// <summary>Stock for every order of the run on each shopper's product, set through the operator API.</summary>
    private static async Task RestockAsync(BenchContext bench)
    {
        using var catalog = new HttpClient { BaseAddress = bench.ServiceAddress("catalog-api") };
        catalog.DefaultRequestHeaders.Add("X-Operator-Key", bench.OperatorKey);
        for (var productId = 1; productId <= Shoppers; productId++)
        {
            using var response = await catalog.PutAsJsonAsync($"/api/catalog/items/{productId}/stock", new { availableStock = 1_000_000 });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>How long the checkout request took, and how long until the order was Paid.</summary>
    private static async Task<(double Checkout, double ToPaid)> CheckoutToPaidAsync(BenchContext bench, HttpClient basket, PaidListener paid, int productId)
    {
        var headers = bench.BuyerHeaders();
        using (await SendAsync(basket, HttpMethod.Put, $"/api/basket/items/{productId}", headers, new { quantity = 1 }))
        {
        }

        var stopwatch = Stopwatch.StartNew();
        using var checkout = await SendAsync(basket, HttpMethod.Post, "/api/basket/checkout", headers, new
        {
            shippingAddress = new { fullName = "Bench Shopper", street = "1 Loop Road", city = "Localhost", postalCode = "12345", country = "NL" },
            payment = new { cardNumber = "4242424242424242", cardHolder = "Bench Shopper", expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 2, cvc = "123" },
        }, idempotencyKey: Guid.NewGuid().ToString());
        var checkedOut = stopwatch.Elapsed.TotalMilliseconds;
        var orderId = (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
        await paid.WaitAsync(orderId).WaitAsync(TimeSpan.FromSeconds(30));
        return (checkedOut, stopwatch.Elapsed.TotalMilliseconds);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, Dictionary<string, string> headers, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode
            ? response
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A private, auto-deleted queue bound to the exchange MassTransit publishes OrderStatusChanged to.</summary>
    private sealed class PaidListener : IAsyncDisposable
    {
        private const string Exchange = "Shop.Contracts:OrderStatusChanged";

        private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _paid = new();
        private readonly IConnection _connection;
        private readonly IChannel _channel;

        private PaidListener(IConnection connection, IChannel channel)
        {
            _connection = connection;
            _channel = channel;
        }

        public static async Task<PaidListener> StartAsync(string connectionString)
        {
            var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            var listener = new PaidListener(connection, channel);
            // Declared as MassTransit declares a published message's exchange, in case nothing was published yet.
            await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue.QueueName, Exchange, "");
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                listener.OnStatusChanged(delivery.Body.Span);
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
            return listener;
        }

        public Task WaitAsync(Guid orderId) => _paid.GetOrAdd(orderId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public async ValueTask DisposeAsync()
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
            _channel.Dispose();
            _connection.Dispose();
        }

        /// <summary>MassTransit's JSON envelope: the event is its "message" member; the status may be a name or a number.</summary>
        private void OnStatusChanged(ReadOnlySpan<byte> body)
        {
            var message = JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("message");
            var status = message.GetProperty("status");
            var isPaid = status.ValueKind == JsonValueKind.String
                ? status.GetString() == nameof(OrderStatus.Paid)
                : status.GetInt32() == (int)OrderStatus.Paid;
            if (isPaid)
            {
                _paid.GetOrAdd(message.GetProperty("orderId").GetGuid(), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }
}
