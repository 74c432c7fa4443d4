using Microsoft.Extensions.DependencyInjection;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;

namespace Shop.Catalog.Api.Tests;

/// <summary>The reservation rules on a real database, called directly and concurrently: all lines or none, stock never
/// below zero, each order decided once, each reservation released once.</summary>
[Collection(CatalogServers.Name)]
public sealed class StockReservationTests(CatalogServersFixture servers)
{
    [Fact]
    public async Task Fifty_concurrent_orders_for_one_unit_of_ten_in_stock_reserve_exactly_ten_and_replaying_them_changes_nothing()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var product = await app.AddProductAsync("Scarce Lantern", stock: 10);
        var orders = Enumerable.Range(0, 50).Select(_ => new ReserveStock(Guid.NewGuid(), [new StockLine(product, 1)])).ToList();

        var decisions = await Task.WhenAll(orders.Select(order => Task.Run(() => reservations.ReserveAsync(order, CancellationToken.None))));
        var replayed = await Task.WhenAll(orders.Select(order => Task.Run(() => reservations.ReserveAsync(order, CancellationToken.None))));

        Assert.Equal(10, decisions.Count(decision => decision.IsReserved));
        Assert.All(decisions.Where(decision => !decision.IsReserved), decision =>
            Assert.Equal(new UnavailableLine(product, 1, 0), Assert.Single(decision.UnavailableLines)));
        Assert.Equal(0, await app.StockOfAsync(product));
        Assert.Equal(decisions.Select(Describe), replayed.Select(Describe));
        Assert.Equal(10L, await app.ScalarAsync<long>("SELECT count(*) FROM stock_reservations WHERE status = 'reserved'"));
        Assert.Equal(40L, await app.ScalarAsync<long>("SELECT count(*) FROM stock_reservations WHERE status = 'rejected'"));
    }

    [Fact]
    public async Task Orders_crossing_the_same_products_in_opposite_orders_all_complete_without_overselling()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var first = await app.AddProductAsync("Left Boot", stock: 20);
        var second = await app.AddProductAsync("Right Boot", stock: 20);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => reservations.ReserveAsync(
            new ReserveStock(Guid.NewGuid(), i % 2 == 0 ? [new(first, 1), new(second, 1)] : [new(second, 1), new(first, 1)]),
            CancellationToken.None))));

        Assert.Equal(20, decisions.Count(decision => decision.IsReserved));
        Assert.Equal(0, await app.StockOfAsync(first));
        Assert.Equal(0, await app.StockOfAsync(second));
    }

    [Fact]
    public async Task One_short_line_rejects_the_whole_order_and_takes_nothing_from_the_other_lines()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var plenty = await app.AddProductAsync("Plenty Mug", stock: 50);
        var scarce = await app.AddProductAsync("Scarce Mug", stock: 2);

        var decision = await reservations.ReserveAsync(new ReserveStock(Guid.NewGuid(), [new(plenty, 5), new(scarce, 3)]), CancellationToken.None);

        Assert.Equal(ReservationStatus.Rejected, decision.Status);
        Assert.Equal(new UnavailableLine(scarce, 3, 2), Assert.Single(decision.UnavailableLines));
        Assert.Equal(50, await app.StockOfAsync(plenty));
        Assert.Equal(2, await app.StockOfAsync(scarce));
    }

    [Fact]
    public async Task Lines_for_the_same_product_add_up_before_the_stock_is_checked()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var product = await app.AddProductAsync("Twin Mug", stock: 5);

        var decision = await reservations.ReserveAsync(new ReserveStock(Guid.NewGuid(), [new(product, 3), new(product, 3)]), CancellationToken.None);

        Assert.Equal(new UnavailableLine(product, 6, 5), Assert.Single(decision.UnavailableLines));
        Assert.Equal(5, await app.StockOfAsync(product));
    }

    [Fact]
    public async Task An_unknown_product_is_unavailable_with_nothing_in_stock()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();

        var decision = await reservations.ReserveAsync(new ReserveStock(Guid.NewGuid(), [new(987654, 1)]), CancellationToken.None);

        Assert.Equal(new UnavailableLine(987654, 1, 0), Assert.Single(decision.UnavailableLines));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task A_line_for_less_than_one_unit_rejects_the_order_and_takes_nothing(int quantity)
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var good = await app.AddProductAsync("Good Mug", stock: 5);
        var odd = await app.AddProductAsync("Odd Mug", stock: 5);

        var decision = await reservations.ReserveAsync(new ReserveStock(Guid.NewGuid(), [new(good, 1), new(odd, quantity)]), CancellationToken.None);

        Assert.Equal(new UnavailableLine(odd, quantity, 5), Assert.Single(decision.UnavailableLines));
        Assert.Equal(5, await app.StockOfAsync(good));
        Assert.Equal(5, await app.StockOfAsync(odd));
    }

    [Fact]
    public async Task An_order_without_lines_is_rejected()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();

        var decision = await reservations.ReserveAsync(new ReserveStock(Guid.NewGuid(), []), CancellationToken.None);

        Assert.Equal(ReservationStatus.Rejected, decision.Status);
    }

    [Fact]
    public async Task Releasing_gives_the_stock_back_exactly_once_however_often_and_concurrently_it_is_asked()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var first = await app.AddProductAsync("Held Mug", stock: 10);
        var second = await app.AddProductAsync("Held Bowl", stock: 10);
        var order = Guid.NewGuid();
        await reservations.ReserveAsync(new ReserveStock(order, [new(first, 4), new(second, 1)]), CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => reservations.ReleaseAsync(order, CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(outcome => outcome == ReleaseOutcome.Released));
        Assert.Equal(10, await app.StockOfAsync(first));
        Assert.Equal(10, await app.StockOfAsync(second));
    }

    [Fact]
    public async Task A_released_order_replayed_answers_reserved_again_but_takes_nothing()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var product = await app.AddProductAsync("Returned Mug", stock: 3);
        var order = new ReserveStock(Guid.NewGuid(), [new(product, 2)]);
        await reservations.ReserveAsync(order, CancellationToken.None);
        await reservations.ReleaseAsync(order.OrderId, CancellationToken.None);

        var replayed = await reservations.ReserveAsync(order, CancellationToken.None);

        Assert.True(replayed.IsReserved);
        Assert.Equal(3, await app.StockOfAsync(product));
    }

    [Fact]
    public async Task Releasing_a_rejected_order_gives_nothing_back()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var product = await app.AddProductAsync("Rare Mug", stock: 1);
        var order = Guid.NewGuid();
        await reservations.ReserveAsync(new ReserveStock(order, [new(product, 2)]), CancellationToken.None);

        var outcome = await reservations.ReleaseAsync(order, CancellationToken.None);

        Assert.Equal(ReleaseOutcome.NothingHeld, outcome);
        Assert.Equal(1, await app.StockOfAsync(product));
    }

    [Fact]
    public async Task A_release_that_overtakes_its_reservation_makes_the_late_reservation_take_nothing()
    {
        await using var app = await servers.StartCatalogAsync();
        var reservations = app.Services.GetRequiredService<StockReservations>();
        var product = await app.AddProductAsync("Late Mug", stock: 3);
        var order = Guid.NewGuid();

        var outcome = await reservations.ReleaseAsync(order, CancellationToken.None);
        var decision = await reservations.ReserveAsync(new ReserveStock(order, [new(product, 1)]), CancellationToken.None);

        Assert.Equal(ReleaseOutcome.CancelledBeforeReserving, outcome);
        Assert.Equal(ReservationStatus.Cancelled, decision.Status);
        Assert.False(decision.IsReserved);
        Assert.Equal(3, await app.StockOfAsync(product));
    }

    private static string Describe(StockDecision decision) => $"{decision.OrderId}:{decision.Status}:{string.Join(';', decision.UnavailableLines)}";
}
