using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Shop.Contracts;
using Shop.Security;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>One test's world on the shared servers: a fresh orderingdb, a fresh virtual host, the real Catalog.Api on
/// a fresh catalogdb, the test's bus (standing in for Basket.Api), and workers started on demand.</summary>
public sealed class OrderingScenario : IAsyncDisposable
{
    private static readonly BuyerTokens _tokens = new(
        Options.Create(new BuyerTokenOptions { Key = WorkerSettings.BuyerTokenKey }), TimeProvider.System);

    private readonly List<IAsyncDisposable> _owned = [];

    private OrderingScenario(WorkerSettings settings, OrderingDatabase database, InProcessCatalog catalog, TestBus bus)
    {
        Settings = settings;
        Database = database;
        Catalog = catalog;
        Bus = bus;
    }

    public WorkerSettings Settings { get; }

    public OrderingDatabase Database { get; }

    public InProcessCatalog Catalog { get; }

    public TestBus Bus { get; }

    /// <summary>A scenario with the real Catalog.Api consuming the stock queue, started and migrated.</summary>
    public static async Task<OrderingScenario> CreateAsync(ServersFixture servers)
    {
        var settings = new WorkerSettings(await servers.CreateDatabaseAsync(ResourceNames.OrderingDatabase), await servers.CreateVirtualHostAsync());
        var catalog = new InProcessCatalog(await servers.CreateDatabaseAsync(ResourceNames.CatalogDatabase), settings.Broker);
        await catalog.StartAsync();
        var bus = await TestBus.StartAsync(settings.Broker);
        return new OrderingScenario(settings, new OrderingDatabase(settings.Database), catalog, bus);
    }

    /// <summary>An in-process worker (on the scenario's settings unless given others), returned once its bus is
    /// connected and consuming.</summary>
    public async Task<OrderingWorkerFactory> StartWorkerAsync(WorkerSettings? settings = null)
    {
        var worker = new OrderingWorkerFactory(settings ?? Settings);
        _owned.Add(worker);
        using var client = worker.CreateClient();
        await Eventually.HoldsAsync(
            async () => (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            () => Task.FromResult("the in-process worker is not healthy"));
        return worker;
    }

    public static HttpClient CreateBuyerClient(OrderingWorkerFactory worker, string buyerId)
    {
        var client = worker.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(buyerId));
        return client;
    }

    /// <summary>A genuine buyer token, as the frontend issues them.</summary>
    public static string TokenFor(string buyerId) => _tokens.Issue(buyerId);

    public static HttpClient CreateOperatorClient(OrderingWorkerFactory worker)
    {
        var client = worker.CreateClient();
        client.DefaultRequestHeaders.Add(ShopAuth.OperatorKeyHeader, WorkerSettings.OperatorKey);
        return client;
    }

    /// <summary>Waits until the order has the status, and returns its stored cancel reason (the enum name).</summary>
    public async Task<string?> WaitForStatusAsync(Guid orderId, OrderStatus status)
    {
        string? reason = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var statuses = await Database.ReadStatusesAsync([orderId]);
                reason = statuses.TryGetValue(orderId, out var found) ? found.Reason : null;
                return statuses.TryGetValue(orderId, out found) && found.Status == status;
            },
            async () => $"order {orderId} is {((await Database.ReadStatusesAsync([orderId])).TryGetValue(orderId, out var s) ? s.Status : "not recorded")}, not {status}");
        return reason;
    }

    /// <summary>Waits until every order is recorded and paid or cancelled; returns their statuses.</summary>
    public async Task<Dictionary<Guid, (OrderStatus Status, string? Reason)>> WaitUntilFinalAsync(IReadOnlyCollection<Guid> orderIds, TimeSpan? deadline = null)
    {
        Dictionary<Guid, (OrderStatus Status, string? Reason)> statuses = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                statuses = await Database.ReadStatusesAsync(orderIds);
                return statuses.Count == orderIds.Count && statuses.Values.All(s => s.Status is OrderStatus.Paid or OrderStatus.Cancelled);
            },
            () => Task.FromResult(
                $"{statuses.Count} of {orderIds.Count} orders recorded; by status: " +
                string.Join(", ", statuses.Values.GroupBy(s => s.Status).Select(g => $"{g.Key} {g.Count()}"))),
            deadline);
        return statuses;
    }

    /// <summary>Waits until the outbox is empty: everything the workflow decided has been handed to the broker.</summary>
    public Task WaitForOutboxDrainedAsync() => Eventually.HoldsAsync(
        async () => await Database.CountOutboxAsync() == 0,
        async () => $"{await Database.CountOutboxAsync()} outbox messages left");

    /// <summary>Stops the workers first, then the catalog and the test bus.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await BoundedStop.DisposeAsync(owned);
        }

        await BoundedStop.DisposeAsync(Bus);
        await Catalog.DisposeAsync();
        await Database.DisposeAsync();
    }
}
