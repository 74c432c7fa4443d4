using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class ConcurrencyTests(ServersFixture servers)
{
    [Fact]
    public async Task Twenty_concurrent_checkouts_for_a_product_with_stock_five_pay_exactly_five_and_cancel_fifteen_as_out_of_stock()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 5);
        await scenario.StartWorkerAsync();
        var orders = Enumerable.Range(0, 20).Select(_ => TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1))).ToList();

        await Task.WhenAll(orders.Select(scenario.Bus.SubmitAsync));

        var statuses = await scenario.WaitUntilFinalAsync([.. orders.Select(o => o.OrderId)]);
        Assert.Equal(5, statuses.Values.Count(s => s.Status is OrderStatus.Paid));
        Assert.Equal(15, statuses.Values.Count(s => s is { Status: OrderStatus.Cancelled, Reason: "OutOfStock" }));
        Assert.Equal(0, await scenario.Catalog.GetStockAsync(1));
        Assert.Equal(5L, await scenario.Database.CountApprovedChargesAsync());
    }
}
