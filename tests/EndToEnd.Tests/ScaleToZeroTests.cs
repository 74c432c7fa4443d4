using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Shop.Contracts;
using Shop.Hosting.ScaleToZero;
using Xunit.Abstractions;

namespace Shop.EndToEnd.Tests;

/// <summary>The app host's scale-to-zero mode on the real system: idle services stop and the dashboard says so, the first
/// request to a service at zero is held (not refused) until it has woken, an order waiting in the queue of a worker at
/// zero wakes it and is paid, and a service an operator stopped stays stopped whatever arrives for it.</summary>
[Collection(ScaleToZeroSystem.Name)]
public sealed class ScaleToZeroTests(ScaleToZeroFixture system, ITestOutputHelper output)
{
    /// <summary>An idle time, then a stop or a start of a .NET service on this shared 2-core machine.</summary>
    private static readonly TimeSpan _within = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_idle_service_is_stopped_and_the_dashboard_shows_it_scaled_to_zero()
    {
        using var deadline = new CancellationTokenSource(_within);

        var atZero = await AtZeroAsync(ResourceNames.CatalogApi, deadline.Token);

        // Stopped, not hidden: the port the service itself listened on no longer answers.
        using var direct = new HttpClient();
        var ownEndpoint = system.App.GetEndpoint(ResourceNames.CatalogApi, ScaleToZeroAnnotation.ServiceEndpointName);
        await Assert.ThrowsAsync<HttpRequestException>(() => direct.GetAsync(new Uri(ownEndpoint, "/alive"), deadline.Token));
        output.WriteLine(await system.App.ConsoleLogLineAsync(atZero.ResourceId, "scaled to zero", deadline.Token));
    }

    [Fact]
    public async Task A_request_to_a_service_at_zero_is_held_until_the_service_has_woken_and_answers_200()
    {
        using var deadline = new CancellationTokenSource(_within);
        var atZero = await AtZeroAsync(ResourceNames.CatalogApi, deadline.Token);
        using var client = new HttpClient { BaseAddress = system.App.GetEndpoint(ResourceNames.CatalogApi), Timeout = _within };

        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri("/api/catalog/items?pageSize=1", UriKind.Relative), deadline.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var woken = await WokenAsync(ResourceNames.CatalogApi, Wakes(atZero), deadline.Token);
        Assert.StartsWith("HTTP request GET /api/catalog/items", LastWake(woken).Split(" on ", 2)[1], StringComparison.Ordinal);
        output.WriteLine($"200 after {stopwatch.Elapsed.TotalSeconds:0.000} s; {LastWake(woken)}");
    }

    [Fact]
    public async Task An_order_checked_out_while_the_worker_is_at_zero_wakes_it_through_its_queue_and_is_paid()
    {
        using var deadline = new CancellationTokenSource(_within);
        // The whole checkout path at zero: basket-api and catalog-api wake on the checkout's requests, the worker only
        // on the message (nothing asks it anything over HTTP until it is awake).
        var worker = await AtZeroAsync(ResourceNames.OrderingWorker, deadline.Token);
        await Task.WhenAll(AtZeroAsync(ResourceNames.BasketApi, deadline.Token), AtZeroAsync(ResourceNames.CatalogApi, deadline.Token));
        var buyer = NewBuyer();

        var orderId = await CheckOutAsync(buyer, deadline.Token);

        var woken = await WokenAsync(ResourceNames.OrderingWorker, Wakes(worker), deadline.Token);
        Assert.Contains($"waiting in queue {QueueNames.Ordering}", LastWake(woken), StringComparison.Ordinal);
        output.WriteLine($"ordering-worker: {LastWake(woken)}");
        Assert.Equal("Paid", await SettledStatusAsync(orderId, buyer, deadline.Token));
    }

    [Fact]
    public async Task A_photo_uploaded_while_the_processor_is_at_zero_wakes_it_through_its_storage_queue_and_ends_ready()
    {
        using var deadline = new CancellationTokenSource(_within);
        var processor = await AtZeroAsync(ResourceNames.PhotoProcessor, deadline.Token);
        using var catalog = new HttpClient { BaseAddress = system.App.GetEndpoint(ResourceNames.CatalogApi), Timeout = _within };
        catalog.DefaultRequestHeaders.Add("X-Operator-Key", system.OperatorKey);

        using var photo = new ByteArrayContent(Convert.FromBase64String(TinyPng));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using (var upload = await catalog.PutAsync(new Uri("/api/catalog/items/2/photo", UriKind.Relative), photo, deadline.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        var woken = await WokenAsync(ResourceNames.PhotoProcessor, Wakes(processor), deadline.Token);
        Assert.Contains($"waiting in queue {PhotoStorage.EventsQueue}", LastWake(woken), StringComparison.Ordinal);
        output.WriteLine($"photo-processor: {LastWake(woken)}");
        while (await catalog.GetFromJsonAsync<JsonElement>(new Uri("/api/catalog/items/2/photo", UriKind.Relative), deadline.Token) is var status
            && status.GetProperty("status").GetString() == "processing")
        {
            await Task.Delay(200, deadline.Token);
        }

        var done = await catalog.GetFromJsonAsync<JsonElement>(new Uri("/api/catalog/items/2/photo", UriKind.Relative), deadline.Token);
        Assert.Equal("ready", done.GetProperty("status").GetString());
    }

    /// <summary>A 48 × 32 PNG (a colour gradient, 137 bytes).</summary>
    private const string TinyPng =
        "iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAA3NCSVQICAjb4U/gAAAAQUlEQVRYhe3OwQmAQADEwBUU7L8CS7WE+d4jQwrItX3Pdk733h2lIWlIGpKGpCFpSBqShqQhaUgakoakIWlIGpIfAnQDAZeUtVMAAAAASUVORK5CYII=";

    [Fact]
    public async Task A_service_an_operator_stopped_is_not_woken_by_a_request_or_a_queued_message()
    {
        // A wake, a stop and a start of the worker, and the checkout's wakes of basket-api and catalog-api.
        using var deadline = new CancellationTokenSource(_within * 2);
        var buyer = NewBuyer();
        using var orders = BuyerClient(ResourceNames.OrderingWorker, buyer);

        // Stopped while it runs (a request wakes it if it is at zero): the orchestrator reports the process stopping a
        // moment after the Stop, and the hold must not be undone by the "still running" seen meanwhile.
        using (var awake = await orders.GetAsync(new Uri($"/api/orders/{Guid.NewGuid()}", UriKind.Relative), deadline.Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, awake.StatusCode);
        }

        await system.App.StopAsync(ResourceNames.OrderingWorker, _within);
        Guid orderId;
        try
        {
            using (var refused = await orders.GetAsync(new Uri($"/api/orders/{Guid.NewGuid()}", UriKind.Relative), deadline.Token))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            }

            orderId = await CheckOutAsync(buyer, deadline.Token);

            // Several polls of the queue, and longer than a start takes to show.
            using var window = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => system.App.ResourceNotifications.WaitForResourceAsync(
                ResourceNames.OrderingWorker, e => e.Snapshot.State?.Text is not { } state || !KnownResourceStates.TerminalStates.Contains(state), window.Token));
        }
        finally
        {
            await system.App.StartAsync(ResourceNames.OrderingWorker, _within);
        }

        // Started again by the operator, it settles the order that waited.
        Assert.Equal("Paid", await SettledStatusAsync(orderId, buyer, deadline.Token));
    }

    private async Task<ResourceEvent> AtZeroAsync(string resource, CancellationToken cancellationToken) =>
        await system.App.ResourceNotifications.WaitForResourceAsync(
            resource, e => e.Snapshot.State?.Text == ScaleToZeroAnnotation.ScaledToZeroState, cancellationToken);

    /// <summary>The resource once it has woken more often than <paramref name="wakesBefore"/> times.</summary>
    private async Task<ResourceEvent> WokenAsync(string resource, int wakesBefore, CancellationToken cancellationToken) =>
        await system.App.ResourceNotifications.WaitForResourceAsync(resource, e => Wakes(e) > wakesBefore, cancellationToken);

    private static int Wakes(ResourceEvent resource) =>
        resource.Snapshot.Properties.FirstOrDefault(p => p.Name == ScaleToZeroAnnotation.WakesProperty)?.Value is IConvertible value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : 0;

    private static string LastWake(ResourceEvent resource) =>
        resource.Snapshot.Properties.Single(p => p.Name == ScaleToZeroAnnotation.LastWakeProperty).Value?.ToString() ?? "";

    private static string NewBuyer() => "s2z-" + Guid.NewGuid().ToString("N")[..12];

    private HttpClient BuyerClient(string resource, string buyer)
    {
        var client = new HttpClient { BaseAddress = system.App.GetEndpoint(resource), Timeout = _within };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.BuyerToken(buyer));
        return client;
    }

    /// <summary>A checkout through the public APIs, as WebFrontend makes it: one unit of product 1, an approving card.</summary>
    private async Task<Guid> CheckOutAsync(string buyer, CancellationToken cancellationToken)
    {
        using var basket = BuyerClient(ResourceNames.BasketApi, buyer);
        using (var added = await basket.PostAsJsonAsync("/api/basket/items/1", new { quantity = 1 }, cancellationToken))
        {
            added.EnsureSuccessStatusCode();
        }

        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/basket/checkout")
        {
            Content = JsonContent.Create(new
            {
                shippingAddress = new { fullName = "Ada Lovelace", street = "12 Analytical Way", city = "London", postalCode = "N1 9GU", country = "United Kingdom" },
                payment = new { cardNumber = "4242 4242 4242 4242", cardHolder = "A. Lovelace", expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 2, cvc = "123" },
            }),
        };
        checkout.Headers.Add("Idempotency-Key", buyer);
        using var response = await basket.SendAsync(checkout, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("orderId").GetGuid();
    }

    /// <summary>The order's status once it is Paid or Cancelled, asked of the worker every half second.</summary>
    private async Task<string> SettledStatusAsync(Guid orderId, string buyer, CancellationToken cancellationToken)
    {
        using var orders = BuyerClient(ResourceNames.OrderingWorker, buyer);
        while (true)
        {
            using var response = await orders.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString() is ("Paid" or "Cancelled") and var status)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
