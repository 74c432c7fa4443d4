using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class OrderWorkflowTests(ServersFixture servers)
{
    [Fact]
    public async Task An_order_with_stock_and_a_good_card_is_paid_and_each_step_is_published()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        await scenario.StartWorkerAsync();
        var order = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 3));

        await scenario.Bus.SubmitAsync(order);

        await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Paid);
        Assert.Equal(7, await scenario.Catalog.GetStockAsync(1));
        Assert.Equal((1L, 1, "approved"), await scenario.Database.ReadChargesAsync(order.OrderId));
        await Eventually.HoldsAsync(
            () => Task.FromResult(scenario.Bus.StatusesOf(order.OrderId).Contains(OrderStatus.Paid)),
            () => Task.FromResult($"published: {string.Join(", ", scenario.Bus.StatusesOf(order.OrderId))}"));
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Paid], scenario.Bus.StatusesOf(order.OrderId));
    }

    [Fact]
    public async Task An_order_for_more_than_the_stock_is_cancelled_as_out_of_stock_and_never_charged()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 2);
        await scenario.StartWorkerAsync();
        var order = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 3));

        await scenario.Bus.SubmitAsync(order);

        Assert.Equal("OutOfStock", await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Cancelled));
        Assert.Equal(2, await scenario.Catalog.GetStockAsync(1));
        Assert.Equal(0L, (await scenario.Database.ReadChargesAsync(order.OrderId)).Charges);
    }

    [Fact]
    public async Task A_declined_card_cancels_the_order_and_releases_its_stock()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        await scenario.StartWorkerAsync();
        var order = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.DeclinedCard, (1, 4));

        await scenario.Bus.SubmitAsync(order);

        Assert.Equal("PaymentDeclined", await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Cancelled));
        await Eventually.HoldsAsync(
            async () => !await scenario.Catalog.HoldsStockForAsync(order.OrderId), () => Task.FromResult("stock not released"));
        Assert.Equal(10, await scenario.Catalog.GetStockAsync(1));
        Assert.Equal((1L, 1, "declined"), await scenario.Database.ReadChargesAsync(order.OrderId));
    }

    [Fact]
    public async Task A_gateway_failing_once_is_retried_and_the_order_is_paid_with_one_charge()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        await scenario.StartWorkerAsync();
        var order = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.FailsOnceCard, (1, 1));

        await scenario.Bus.SubmitAsync(order);

        await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Paid);
        Assert.Equal((1L, 2, "approved"), await scenario.Database.ReadChargesAsync(order.OrderId));
    }

    [Fact]
    public async Task A_shopper_cancels_an_unpaid_order_which_is_never_charged_and_holds_no_stock()
    {
        // The catalog stops consuming, so the order stays Submitted with its ReserveStock waiting in the queue.
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        await scenario.Catalog.StopAsync();
        var worker = await scenario.StartWorkerAsync();
        var buyer = TestOrders.NewBuyer();
        var order = TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 2));
        await scenario.Bus.SubmitAsync(order);
        await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Submitted);
        using var client = OrderingScenario.CreateBuyerClient(worker, buyer);

        using var response = await client.PostAsync(new Uri($"/api/orders/{order.OrderId}/cancel", UriKind.Relative), content: null);
        await scenario.Catalog.StartAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cancelled", (await response.Content.ReadFromJsonAsync<OrderJson>())!.Status);
        // The late reservation is answered with another release: whatever order the catalog saw them in, stock returns.
        await Eventually.HoldsAsync(
            async () => await scenario.Catalog.GetStockAsync(1) == 10 && !await scenario.Catalog.HoldsStockForAsync(order.OrderId),
            async () => $"stock is {await scenario.Catalog.GetStockAsync(1)}");
        Assert.Equal("CancelledByBuyer", await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Cancelled));
        Assert.Equal(0L, (await scenario.Database.ReadChargesAsync(order.OrderId)).Charges);
    }

    [Fact]
    public async Task Only_a_paid_order_can_be_shipped_and_a_shipped_or_paid_order_cannot_be_cancelled()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        var worker = await scenario.StartWorkerAsync();
        var buyer = TestOrders.NewBuyer();
        var declined = TestOrders.Submitted(buyer, TestOrders.DeclinedCard, (1, 1));
        var paid = TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 1));
        await scenario.Bus.SubmitAsync(declined);
        await scenario.Bus.SubmitAsync(paid);
        await scenario.WaitUntilFinalAsync([declined.OrderId, paid.OrderId]);
        using var operatorClient = OrderingScenario.CreateOperatorClient(worker);
        using var buyerClient = OrderingScenario.CreateBuyerClient(worker, buyer);

        using var shipCancelled = await operatorClient.PostAsync(Ship(declined.OrderId), content: null);
        using var cancelPaid = await buyerClient.PostAsync(Cancel(paid.OrderId), content: null);
        using var shipPaid = await operatorClient.PostAsync(Ship(paid.OrderId), content: null);
        using var shipAgain = await operatorClient.PostAsync(Ship(paid.OrderId), content: null);
        using var cancelShipped = await buyerClient.PostAsync(Cancel(paid.OrderId), content: null);

        Assert.Equal(HttpStatusCode.Conflict, shipCancelled.StatusCode);
        Assert.Equal("application/problem+json", shipCancelled.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cancelled", (await shipCancelled.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, cancelPaid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shipPaid.StatusCode);
        Assert.Equal("Shipped", (await shipPaid.Content.ReadFromJsonAsync<OrderJson>())!.Status);
        Assert.Equal(HttpStatusCode.OK, shipAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelShipped.StatusCode);
        Assert.Equal(OrderStatus.Shipped, (await scenario.Database.ReadStatusesAsync([paid.OrderId]))[paid.OrderId].Status);
        Assert.Equal(OrderStatus.Cancelled, (await scenario.Database.ReadStatusesAsync([declined.OrderId]))[declined.OrderId].Status);
        await Eventually.HoldsAsync(
            () => Task.FromResult(scenario.Bus.StatusesOf(paid.OrderId).Contains(OrderStatus.Shipped)),
            () => Task.FromResult($"published: {string.Join(", ", scenario.Bus.StatusesOf(paid.OrderId))}"));
    }

    private static Uri Ship(Guid orderId) => new($"/api/orders/{orderId}/ship", UriKind.Relative);

    private static Uri Cancel(Guid orderId) => new($"/api/orders/{orderId}/cancel", UriKind.Relative);
}
