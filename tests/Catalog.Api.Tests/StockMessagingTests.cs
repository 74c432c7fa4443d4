using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;

namespace Shop.Catalog.Api.Tests;

/// <summary>Stock reservation as Ordering uses it: commands sent to <c>queue:catalog-stock</c> on a real broker, answers
/// sent back to <c>queue:ordering</c>.</summary>
[Collection(CatalogServers.Name)]
public sealed class StockMessagingTests(CatalogServersFixture servers)
{
    [Fact]
    public async Task Fifty_concurrent_ReserveStock_messages_for_one_unit_of_ten_reserve_ten_reject_forty_and_replaying_every_message_changes_nothing()
    {
        await using var app = await servers.StartCatalogAsync();
        await using var bus = await TestBus.StartAsync(app.MessagingConnectionString);
        var product = await app.AddProductAsync("Last Lanterns", stock: 10);
        var orders = Enumerable.Range(0, 50).Select(_ => new ReserveStock(Guid.NewGuid(), [new StockLine(product, 1)])).ToList();

        await Task.WhenAll(orders.Select(bus.SendAsync));
        var first = await WaitForAnswersAsync(bus, orders, each: 1);

        Assert.Equal(10, first.Values.Count(answer => answer is StockReserved));
        Assert.Equal(40, first.Values.Count(answer => answer is StockRejected));
        Assert.All(first.Values.OfType<StockRejected>(), rejected =>
            Assert.Equal(new UnavailableLine(product, 1, 0), Assert.Single(rejected.UnavailableLines)));
        Assert.Equal(0, await app.StockOfAsync(product));

        await Task.WhenAll(orders.Select(bus.SendAsync));
        await WaitForAnswersAsync(bus, orders, each: 2);

        Assert.All(orders, order =>
        {
            var answers = bus.AnswersFor(order.OrderId);
            Assert.Equal(answers[0].GetType(), answers[1].GetType());
        });
        Assert.Equal(0, await app.StockOfAsync(product));
        Assert.Equal(10L, await app.ScalarAsync<long>("SELECT count(*) FROM stock_reservations WHERE status = 'reserved'"));
        Assert.Equal(40L, await app.ScalarAsync<long>("SELECT count(*) FROM stock_reservations WHERE status = 'rejected'"));
    }

    [Fact]
    public async Task A_reservation_decided_before_a_crash_is_answered_when_the_command_is_redelivered_without_taking_stock_again()
    {
        await using var app = await servers.StartCatalogAsync();
        await using var bus = await TestBus.StartAsync(app.MessagingConnectionString);
        var product = await app.AddProductAsync("Crash Kettle", stock: 5);
        var order = new ReserveStock(Guid.NewGuid(), [new StockLine(product, 2)]);

        // As if the consumer had committed and died before its reply left: the decision is stored, no answer was sent.
        await app.Services.GetRequiredService<StockReservations>().ReserveAsync(order, CancellationToken.None);
        await bus.SendAsync(order);
        await WaitForAnswersAsync(bus, [order], each: 1);

        Assert.IsType<StockReserved>(Assert.Single(bus.AnswersFor(order.OrderId)));
        Assert.Equal(3, await app.StockOfAsync(product));
    }

    [Fact]
    public async Task An_order_of_several_lines_is_reserved_over_the_queue_and_ReleaseStock_sent_twice_returns_it_once()
    {
        await using var app = await servers.StartCatalogAsync();
        await using var bus = await TestBus.StartAsync(app.MessagingConnectionString);
        var mugs = await app.AddProductAsync("Queue Mug", stock: 8);
        var bowls = await app.AddProductAsync("Queue Bowl", stock: 4);
        var order = new ReserveStock(Guid.NewGuid(), [new StockLine(mugs, 3), new StockLine(bowls, 4)]);

        await bus.SendAsync(order);
        await WaitForAnswersAsync(bus, [order], each: 1);
        Assert.IsType<StockReserved>(Assert.Single(bus.AnswersFor(order.OrderId)));
        Assert.Equal((5, 0), (await app.StockOfAsync(mugs), await app.StockOfAsync(bowls)));

        var consumed = new ConsumedMessages();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        await bus.SendAsync(new ReleaseStock(order.OrderId));
        await bus.SendAsync(new ReleaseStock(order.OrderId));
        await CatalogApp.EventuallyAsync(() => Task.FromResult(consumed.Of<ReleaseStock>() == 2));

        Assert.Equal((8, 4), (await app.StockOfAsync(mugs), await app.StockOfAsync(bowls)));
    }

    private static async Task<Dictionary<Guid, object>> WaitForAnswersAsync(TestBus bus, IReadOnlyList<ReserveStock> orders, int each)
    {
        await CatalogApp.EventuallyAsync(() => Task.FromResult(orders.All(order => bus.AnswersFor(order.OrderId).Count >= each)));
        return orders.ToDictionary(order => order.OrderId, order => bus.AnswersFor(order.OrderId)[0]);
    }
}
