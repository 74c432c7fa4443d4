using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class ConnectionPoolTests(ServersFixture servers)
{
    /// <summary>Deployed, every replica's pool is small (two connections once four databases share the server), and
    /// a payment holds the order's transaction open while the gateway writes its ledger on a second connection. With
    /// more payments in flight than the pool can serve twice, each would hold one connection and wait for another.</summary>
    [Fact]
    public async Task Sixteen_concurrent_payments_on_a_pool_of_two_connections_all_complete_without_exhausting_it()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 100);
        var smallPool = scenario.Settings with { Database = scenario.Settings.Database + ";Maximum Pool Size=2;Timeout=2" };
        var worker = await scenario.StartWorkerAsync(smallPool);
        var orders = Enumerable.Range(0, 16).Select(_ => TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1))).ToList();

        await Task.WhenAll(orders.Select(scenario.Bus.SubmitAsync));

        var statuses = await scenario.WaitUntilFinalAsync([.. orders.Select(o => o.OrderId)]);
        Assert.All(statuses.Values, s => Assert.Equal(OrderStatus.Paid, s.Status));
        Assert.DoesNotContain("exhausted", worker.Output, StringComparison.OrdinalIgnoreCase);
    }
}
