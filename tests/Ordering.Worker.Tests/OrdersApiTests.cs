using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;
using Shop.Security;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class OrdersApiTests(ServersFixture servers)
{
    [Fact]
    public async Task A_buyer_can_neither_read_nor_cancel_another_buyers_order()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.StopAsync(); // B's order stays Submitted, so only ownership can stop A's cancel
        var worker = await scenario.StartWorkerAsync();
        var buyerA = TestOrders.NewBuyer();
        var buyerB = TestOrders.NewBuyer();
        var orderOfB = TestOrders.Submitted(buyerB, TestOrders.ApprovedCard, (1, 1));
        await scenario.Bus.SubmitAsync(orderOfB);
        await scenario.WaitForStatusAsync(orderOfB.OrderId, OrderStatus.Submitted);
        using var clientA = OrderingScenario.CreateBuyerClient(worker, buyerA);
        using var clientB = OrderingScenario.CreateBuyerClient(worker, buyerB);

        using var read = await clientA.GetAsync(OrderUri(orderOfB.OrderId));
        using var cancel = await clientA.PostAsync(OrderUri(orderOfB.OrderId, "/cancel"), content: null);
        var listOfA = await clientA.GetFromJsonAsync<OrderPageJson>(new Uri("/api/orders", UriKind.Relative));
        using var readByB = await clientB.GetAsync(OrderUri(orderOfB.OrderId));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(0L, listOfA!.Count);
        Assert.Empty(listOfA.Data);
        Assert.Equal(HttpStatusCode.OK, readByB.StatusCode);
        Assert.Equal(OrderStatus.Submitted, (await scenario.Database.ReadStatusesAsync([orderOfB.OrderId]))[orderOfB.OrderId].Status);
    }

    [Fact]
    public async Task A_buyer_reads_their_orders_newest_first_one_page_at_a_time_in_the_shared_order_shape()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        await scenario.Catalog.SetStockAsync(2, 10);
        var worker = await scenario.StartWorkerAsync();
        var buyer = TestOrders.NewBuyer();
        var older = TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 2)) with { SubmittedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        var newer = TestOrders.Submitted(buyer, TestOrders.DeclinedCard, (1, 1), (2, 1));
        await scenario.Bus.SubmitAsync(older);
        await scenario.Bus.SubmitAsync(newer);
        await scenario.WaitUntilFinalAsync([older.OrderId, newer.OrderId]);
        using var client = OrderingScenario.CreateBuyerClient(worker, buyer);

        var first = await client.GetFromJsonAsync<OrderPageJson>(new Uri("/api/orders?pageIndex=0&pageSize=1", UriKind.Relative));
        var second = await client.GetFromJsonAsync<OrderPageJson>(new Uri("/api/orders?pageIndex=1&pageSize=1", UriKind.Relative));
        var paid = await client.GetFromJsonAsync<OrderJson>(OrderUri(older.OrderId));

        Assert.Equal((0, 1, 2L), (first!.PageIndex, first.PageSize, first.Count));
        Assert.Equal(newer.OrderId, Assert.Single(first.Data).OrderId);
        Assert.Equal(older.OrderId, Assert.Single(second!.Data).OrderId);
        var cancelled = first.Data[0];
        Assert.Equal(("Cancelled", "payment declined"), (cancelled.Status, cancelled.Reason));
        Assert.Equal(2, cancelled.Lines.Count);
        Assert.Equal(("Paid", (string?)null), (paid!.Status, paid.Reason));
        Assert.Equal(21.00m, paid.Total);
        Assert.Equal(new OrderLineJson(1, "Product 1", 10.50m, 2), Assert.Single(paid.Lines));
        Assert.Equal("Testville", paid.ShippingAddress.City);
        Assert.Equal(TestOrders.ApprovedCard, paid.CardLast4);
        Assert.Equal(older.SubmittedAt.ToUnixTimeMilliseconds(), paid.SubmittedAt.ToUnixTimeMilliseconds());
        Assert.True(paid.UpdatedAt >= paid.SubmittedAt);
    }

    [Fact]
    public async Task Paging_out_of_range_is_a_validation_problem_naming_the_parameter()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        using var client = OrderingScenario.CreateBuyerClient(worker, TestOrders.NewBuyer());

        using var response = await client.GetAsync(new Uri("/api/orders?pageIndex=-1&pageSize=500", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/api/orders?pageSize=lots", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("pageIndex", problem!.Errors.Keys);
        Assert.Contains("pageSize", problem.Errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Orders_need_a_buyer_token_and_shipping_needs_the_operator_key()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        using var anonymous = worker.CreateClient();
        using var buyer = OrderingScenario.CreateBuyerClient(worker, TestOrders.NewBuyer());
        using var wrongKey = worker.CreateClient();
        wrongKey.DefaultRequestHeaders.Add(ShopAuth.OperatorKeyHeader, "not-the-operator-key");
        var someOrder = Guid.NewGuid();

        using var list = await anonymous.GetAsync(new Uri("/api/orders", UriKind.Relative));
        using var shipAnonymous = await anonymous.PostAsync(OrderUri(someOrder, "/ship"), content: null);
        using var shipByBuyer = await buyer.PostAsync(OrderUri(someOrder, "/ship"), content: null);
        using var shipWrongKey = await wrongKey.PostAsync(OrderUri(someOrder, "/ship"), content: null);
        using var operatorClient = OrderingScenario.CreateOperatorClient(worker);
        using var shipUnknown = await operatorClient.PostAsync(OrderUri(someOrder, "/ship"), content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, shipAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, shipByBuyer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, shipWrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shipUnknown.StatusCode);
        Assert.Equal("application/problem+json", shipUnknown.Content.Headers.ContentType?.MediaType);
    }

    private static Uri OrderUri(Guid orderId, string action = "") => new($"/api/orders/{orderId}{action}", UriKind.Relative);
}
