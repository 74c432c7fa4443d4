using System.Net.Http.Json;
using RabbitMQ.Client;
using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class ErrorQueueTests(ServersFixture servers)
{
    // No lone surrogate: the bus's JSON writer replaces it with U+FFFD, so it never reaches the worker.
    private static readonly string[] _hostileText = ["A\u0000da", "\u0000", "bell\u0007", "del\u007f", new string('x', 5000), "   "];

    [Fact]
    public async Task An_order_that_cannot_be_recorded_as_submitted_is_shown_to_its_shopper_as_cancelled_and_reserves_nothing()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var buyer = TestOrders.NewBuyer();
        var valid = TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 1));
        // Text at every limit, in every script: what the rules let through, the columns must hold.
        var atTheLimits = WithAddress(buyer, _ => new ShippingAddress(
            new string('李', Limits.FullNameLength), new string('s', Limits.StreetLength), "Zoë 🙂".PadRight(Limits.CityLength, 'c'),
            new string('7', Limits.PostalCodeLength), new string('Ø', Limits.CountryLength))) is var limits
            ? limits with { Lines = [limits.Lines[0] with { ProductName = new string('n', Limits.ProductNameLength), UnitPrice = 0.01m }] }
            : null!;
        List<OrderSubmitted> unrecordable =
        [
            TestOrders.Submitted(buyer, TestOrders.ApprovedCard),
            TestOrders.Submitted(buyer, "42", (1, 1)),
            // Over numeric(12, 2): 2 × 99 × the dearest price a product may have.
            TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 99), (2, 99)) is var dear
                ? dear with { Lines = [.. dear.Lines.Select(line => line with { UnitPrice = Limits.MaxPrice })] }
                : null!,
            TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 0)),
            .. _hostileText.SelectMany(text => new[]
            {
                WithAddress(buyer, address => address with { FullName = text }),
                WithAddress(buyer, address => address with { Street = text }),
                WithAddress(buyer, address => address with { City = text }),
                WithAddress(buyer, address => address with { PostalCode = text }),
                WithAddress(buyer, address => address with { Country = text }),
                TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 1)) is var named
                    ? named with { Lines = [named.Lines[0] with { ProductName = text }] }
                    : null!,
            }),
        ];
        await scenario.Catalog.SetStockAsync(1, 50);
        await scenario.Catalog.SetStockAsync(2, 50);

        foreach (var order in unrecordable)
        {
            await scenario.Bus.SubmitAsync(order);
        }

        await scenario.Bus.SubmitAsync(valid);
        await scenario.Bus.SubmitAsync(atTheLimits);
        await scenario.WaitForStatusAsync(valid.OrderId, OrderStatus.Paid);
        await scenario.WaitForStatusAsync(atTheLimits.OrderId, OrderStatus.Paid);
        var statuses = await scenario.WaitUntilFinalAsync([.. unrecordable.Select(order => order.OrderId)]);
        Assert.All(statuses.Values, status => Assert.Equal((OrderStatus.Cancelled, "Unprocessable"), status));
        using var client = OrderingScenario.CreateBuyerClient(worker, buyer);
        var shown = await client.GetFromJsonAsync<OrderJson>(new Uri($"/api/orders/{unrecordable[0].OrderId}", UriKind.Relative));
        Assert.Equal(("Cancelled", "the order could not be processed"), (shown!.Status, shown.Reason));
        await Eventually.HoldsAsync(
            () => Task.FromResult(unrecordable.All(order => scenario.Bus.StatusChanges.Any(change => change.OrderId == order.OrderId && change.Status == OrderStatus.Cancelled))),
            () => Task.FromResult("not every unrecordable order's cancellation was published"));
        Assert.Equal((48, 50), (await scenario.Catalog.GetStockAsync(1), await scenario.Catalog.GetStockAsync(2)));
        Assert.All(await Task.WhenAll(unrecordable.Select(order => scenario.Catalog.CountReservationsAsync(order.OrderId))), count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task Only_messages_that_name_no_order_a_shopper_could_see_land_in_the_error_queue()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.StartWorkerAsync();
        var valid = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1));

        await scenario.Bus.SubmitAsync(TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1)) with { OrderId = Guid.Empty });
        await scenario.Bus.SubmitAsync(TestOrders.Submitted(new string('b', 260), TestOrders.ApprovedCard, (1, 1)));
        await scenario.Bus.SubmitAsync(TestOrders.Submitted("buyer\u0000", TestOrders.ApprovedCard, (1, 1)));
        await scenario.Bus.SendAsync(QueueNames.Ordering, new StockReserved(Guid.NewGuid()));
        await scenario.Bus.SubmitAsync(valid);

        await scenario.WaitForStatusAsync(valid.OrderId, OrderStatus.Paid);
        await using var connection = await new ConnectionFactory { Uri = new Uri(scenario.Settings.Broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await Eventually.HoldsAsync(
            async () => (await channel.QueueDeclarePassiveAsync($"{QueueNames.Ordering}_error")).MessageCount == 4,
            async () => $"{(await channel.QueueDeclarePassiveAsync($"{QueueNames.Ordering}_error")).MessageCount} messages in the error queue");
        Assert.Equal(1L, await scenario.Database.CountOrdersAsync());
    }

    private static OrderSubmitted WithAddress(string buyer, Func<ShippingAddress, ShippingAddress> change)
    {
        var order = TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 1));
        return order with { ShippingAddress = change(order.ShippingAddress) };
    }
}
