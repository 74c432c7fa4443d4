using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shop.Basket.Api.Infrastructure;

namespace Shop.Basket.Api.Tests;

/// <summary>The basket's names and prices come from a per-replica cache: each test runs a Basket.Api of its own, so its
/// cache starts cold, and counts what that replica asks the catalog.</summary>
[Collection(ShopSystem.Name)]
public sealed class CatalogCacheTests(ShopFixture shop)
{
    private const string ItemsPath = "/api/catalog/items/by";

    [Fact]
    public async Task Reading_a_basket_again_asks_the_catalog_nothing_and_the_first_read_asks_once_for_all_lines()
    {
        var calls = new CatalogCalls();
        await using var basket = BasketCounting(calls, expiry: TimeSpan.FromMinutes(10));
        using var client = shop.ClientFor(basket, ShopFixture.NewBuyer());
        foreach (var productId in new[] { 21, 22, 23 })
        {
            await client.AddAsync(productId);
        }

        var afterAdds = calls.Count(ItemsPath);
        var first = await client.GetBasketAsync();
        var afterFirstRead = calls.Count(ItemsPath);
        var again = await client.GetBasketAsync();
        await client.GetBasketAsync();

        Assert.Equal((1, 0), (afterFirstRead - afterAdds, calls.Count(ItemsPath) - afterFirstRead));
        Assert.Equal(first, again, _basketComparer);
        Assert.All(again.Lines, line => Assert.True(line.Available && line.Name.Length > 0));
    }

    [Fact]
    public async Task A_price_changed_by_an_operator_shows_in_the_basket_within_seconds_through_the_event_without_asking_the_catalog()
    {
        var calls = new CatalogCalls();
        await using var basket = BasketCounting(calls, expiry: TimeSpan.FromHours(1));
        await ShopFixture.WaitUntilHealthyAsync(basket);
        var productId = await shop.AddCatalogProductAsync(20.00m);
        using var client = shop.ClientFor(basket, ShopFixture.NewBuyer());
        await client.AddAsync(productId, 2);
        Assert.Equal(20.00m, Assert.Single((await client.GetBasketAsync()).Lines).UnitPrice);
        var afterFill = calls.Count(ItemsPath);

        await shop.ChangeCatalogPriceAsync(productId, 23.50m);
        var line = await ReadUntilAsync(client, line => line.UnitPrice != 20.00m, TimeSpan.FromSeconds(10));

        Assert.Equal((23.50m, 47.00m, 20.00m, true), (line.UnitPrice, line.LineTotal, line.PriceWhenAdded, line.PriceChanged));
        Assert.Equal(afterFill, calls.Count(ItemsPath));
    }

    [Fact]
    public async Task While_the_catalog_is_unreachable_a_cached_basket_is_still_shown_and_one_with_an_uncached_line_is_a_503()
    {
        var buyer = ShopFixture.NewBuyer();
        var calls = new CatalogCalls();
        await using var basket = BasketCounting(calls, expiry: TimeSpan.FromMinutes(10));
        using var client = shop.ClientFor(basket, buyer);
        await client.AddAsync(24);
        var before = await client.GetBasketAsync();

        calls.Unreachable = true;
        var cached = await client.GetBasketAsync();
        // Through the fixture's replica, which shares the Redis but not the cache.
        using (var elsewhere = shop.ClientFor(buyer))
        {
            await elsewhere.AddAsync(26);
        }

        using var uncached = await client.GetAsync(new Uri("/api/basket", UriKind.Relative));

        Assert.Equal(before, cached, _basketComparer);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
        Assert.True(calls.Count(ItemsPath) > 0);
    }

    private static readonly IEqualityComparer<Apis.BasketResponse> _basketComparer = EqualityComparer<Apis.BasketResponse>.Create(
        (a, b) => a!.Total == b!.Total && a.Lines.SequenceEqual(b.Lines), basket => basket.Total.GetHashCode());

    private BasketApiFactory BasketCounting(CatalogCalls calls, TimeSpan expiry)
    {
        var settings = shop.Settings();
        settings["CatalogCache:Expiry"] = expiry.ToString("c", CultureInfo.InvariantCulture);
        // One quick retry, so that the unreachable catalog answers soon.
        settings["HttpResilience:Retry:MaxRetryAttempts"] = "1";
        settings["HttpResilience:Retry:Delay"] = "00:00:00.010";
        return new BasketApiFactory(settings, services => services.AddHttpClient<CatalogClient>().AddHttpMessageHandler(() => new CountingHandler(calls)));
    }

    /// <summary>Reads the basket's single line until it satisfies <paramref name="condition"/> or the time is up.</summary>
    private static async Task<Apis.BasketLineResponse> ReadUntilAsync(HttpClient client, Func<Apis.BasketLineResponse, bool> condition, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            var line = Assert.Single((await client.GetBasketAsync()).Lines);
            if (condition(line) || deadline.IsCancellationRequested)
            {
                return line;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>What a replica asked the catalog, by path; while <see cref="Unreachable"/>, every call fails as a refused
    /// connection would.</summary>
    private sealed class CatalogCalls
    {
        private readonly ConcurrentQueue<string> _paths = new();
        private volatile bool _unreachable;

        public bool Unreachable { get => _unreachable; set => _unreachable = value; }

        public int Count(string path) => _paths.Count(called => called == path);

        public void Record(Uri? uri) => _paths.Enqueue(uri?.AbsolutePath ?? "");
    }

    private sealed class CountingHandler(CatalogCalls calls) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            calls.Record(request.RequestUri);
            return calls.Unreachable
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (test)"))
                : base.SendAsync(request, cancellationToken);
        }
    }
}
