using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class DeliveryTests(ServersFixture servers)
{
    [Fact]
    public async Task Every_message_delivered_twice_still_makes_one_order_one_reservation_and_one_payment()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        await scenario.Catalog.SetStockAsync(2, 10);
        await scenario.StartWorkerAsync();
        // Both sides of the flow: OrderSubmitted, StockReserved and StockRejected reach the worker twice, and
        // ReserveStock and ReleaseStock reach Catalog.Api twice.
        await using var relay = await DuplicatingRelay.StartAsync(scenario.Settings.Broker, QueueNames.Ordering, QueueNames.CatalogStock);
        var buyer = TestOrders.NewBuyer();
        var paid = TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 2));
        var declined = TestOrders.Submitted(buyer, TestOrders.DeclinedCard, (2, 3));
        var retried = TestOrders.Submitted(buyer, TestOrders.FailsOnceCard, (1, 1));

        foreach (var order in new[] { paid, declined, retried })
        {
            await scenario.Bus.SubmitAsync(order);
        }

        var statuses = await scenario.WaitUntilFinalAsync([paid.OrderId, declined.OrderId, retried.OrderId]);
        await scenario.WaitForOutboxDrainedAsync();
        await Eventually.HoldsAsync(
            async () => !await scenario.Catalog.HoldsStockForAsync(declined.OrderId), () => Task.FromResult("declined order still holds stock"));

        Assert.Equal(OrderStatus.Paid, statuses[paid.OrderId].Status);
        Assert.Equal(OrderStatus.Cancelled, statuses[declined.OrderId].Status);
        Assert.Equal(OrderStatus.Paid, statuses[retried.OrderId].Status);
        Assert.Equal(3L, await scenario.Database.CountOrdersAsync());
        Assert.Equal(1, await scenario.Catalog.CountReservationsAsync(paid.OrderId));
        Assert.Equal(1, await scenario.Catalog.CountReservationsAsync(retried.OrderId));
        Assert.Equal(10 - 2 - 1, await scenario.Catalog.GetStockAsync(1));
        Assert.Equal(10, await scenario.Catalog.GetStockAsync(2));
        Assert.Equal(2L, await scenario.Database.CountApprovedChargesAsync());
        Assert.Equal(1L, (await scenario.Database.ReadChargesAsync(paid.OrderId)).Charges);
        Assert.Equal(1L, (await scenario.Database.ReadChargesAsync(retried.OrderId)).Charges);
        Assert.True(relay.Relayed >= 6, $"only {relay.Relayed} messages went through the relay");
    }
}
