using System.Net;
using System.Net.Http.Json;

namespace Shop.Basket.Api.Tests;

[Collection(ShopSystem.Name)]
public sealed class BasketApiTests(ShopFixture shop)
{
    [Fact]
    public async Task The_basket_shows_each_line_at_the_catalog_s_name_and_price_with_line_totals_and_a_total()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());
        var first = await CatalogItemAsync(1);
        var second = await CatalogItemAsync(2);

        Assert.Equal(HttpStatusCode.OK, (await client.SetQuantityAsync(1, 2)).StatusCode);
        await client.AddAsync(2);
        await client.AddAsync(2);
        var basket = await client.GetBasketAsync();

        Assert.Collection(
            basket.Lines,
            line => Assert.Equal((1, first.Name, first.Price, 2, first.Price * 2, false, true), Summary(line)),
            line => Assert.Equal((2, second.Name, second.Price, 2, second.Price * 2, false, true), Summary(line)));
        Assert.Equal((first.Price * 2) + (second.Price * 2), basket.Total);
    }

    [Fact]
    public async Task Setting_a_quantity_replaces_it_and_removing_lines_or_clearing_empties_the_basket()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());
        await client.SetQuantityAsync(3, 5);
        await client.SetQuantityAsync(3, 2);
        await client.SetQuantityAsync(4, 1);
        await client.SetQuantityAsync(5, 1);

        Assert.Equal([(3, 2), (4, 1), (5, 1)], (await client.GetBasketAsync()).Lines.Select(line => (line.ProductId, line.Quantity)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.RemoveAsync(4)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.RemoveAsync(4)).StatusCode);
        Assert.Equal([3, 5], (await client.GetBasketAsync()).Lines.Select(line => line.ProductId));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/api/basket", UriKind.Relative))).StatusCode);
        var empty = await client.GetBasketAsync();
        Assert.Empty(empty.Lines);
        Assert.Equal(0m, empty.Total);
    }

    [Fact]
    public async Task A_price_that_changed_since_the_product_was_added_is_flagged_until_the_buyer_sets_the_quantity_again()
    {
        // A product of its own: one of the seed catalog may sit in Basket.Api's catalog cache from another test's read.
        const decimal before = 25m;
        var productId = await shop.AddCatalogProductAsync(before);
        using var client = shop.ClientFor(ShopFixture.NewBuyer());
        await client.AddAsync(productId, 2);

        await shop.SetCatalogPriceAsync(productId, before + 10m);
        var line = Assert.Single((await client.GetBasketAsync()).Lines);

        Assert.True(line.PriceChanged);
        Assert.Equal((before + 10m, before, (before + 10m) * 2), (line.UnitPrice, line.PriceWhenAdded, line.LineTotal));

        await client.SetQuantityAsync(productId, 2);
        Assert.False(Assert.Single((await client.GetBasketAsync()).Lines).PriceChanged);
    }

    [Theory]
    [InlineData(1, 0, "quantity")]
    [InlineData(1, 100, "quantity")]
    [InlineData(1, -3, "quantity")]
    [InlineData(0, 1, "productId")]
    [InlineData(999_999, 1, "productId")]
    public async Task A_bad_quantity_or_an_unknown_product_is_a_400_naming_the_field_and_changes_nothing(int productId, int quantity, string field)
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());

        using var set = await client.SetQuantityAsync(productId, quantity);
        using var add = await client.AddAsync(productId, quantity);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (set.StatusCode, add.StatusCode));
        Assert.Equal([field], await set.ErrorFieldsAsync());
        Assert.Equal("application/problem+json", set.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await client.GetBasketAsync()).Lines);
    }

    [Fact]
    public async Task A_body_that_is_not_a_quantity_is_a_400_problem()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());

        using var text = await client.PutAsync(new Uri("/api/basket/items/1", UriKind.Relative), new StringContent("two", System.Text.Encoding.UTF8, "application/json"));
        using var wrongType = await client.PutAsJsonAsync(new Uri("/api/basket/items/1", UriKind.Relative), new { quantity = "two" });
        using var none = await client.PutAsync(new Uri("/api/basket/items/1", UriKind.Relative), null);

        Assert.All([text, wrongType, none], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.All([text, wrongType], response => Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Adding_to_a_line_stops_at_99_and_says_how_many_the_basket_has()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());
        await client.SetQuantityAsync(6, 90);

        using var tooMany = await client.AddAsync(6, 10);

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("already has 90", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.AddAsync(6, 9)).StatusCode);
        Assert.Equal(99, Assert.Single((await client.GetBasketAsync()).Lines).Quantity);
    }

    [Fact]
    public async Task A_hundred_concurrent_adds_of_one_product_all_count_and_the_one_past_99_is_refused()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.AddAsync(7)));

        Assert.Equal(99, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, responses.Count(response => response.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(99, Assert.Single((await client.GetBasketAsync()).Lines).Quantity);
        Assert.All(responses, response => response.Dispose());
    }

    [Fact]
    public async Task Concurrent_adds_of_different_products_all_land()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());

        var responses = await Task.WhenAll(Enumerable.Range(10, 30).Select(productId => client.AddAsync(productId, 2)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(Enumerable.Range(10, 30), (await client.GetBasketAsync()).Lines.Select(line => line.ProductId));
    }

    [Fact]
    public async Task A_basket_holds_at_most_100_different_products()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());
        foreach (var productId in Enumerable.Range(1, 100))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.AddAsync(productId)).StatusCode);
        }

        using var hundredAndFirst = await client.AddAsync(101);

        Assert.Equal(HttpStatusCode.BadRequest, hundredAndFirst.StatusCode);
        Assert.Equal(["productId"], await hundredAndFirst.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.AddAsync(100)).StatusCode);
        Assert.Equal(100, (await client.GetBasketAsync()).Lines.Count);
    }

    [Fact]
    public async Task A_basket_expires_30_days_after_its_last_change()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await using var redis = await shop.ConnectToRedisAsync();
        var db = redis.GetDatabase();
        var key = $"basket:{{{buyer}}}";

        await client.AddAsync(8);
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));

        await db.KeyExpireAsync(key, TimeSpan.FromSeconds(60));
        await client.AddAsync(9);
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
    }

    private async Task<CatalogItemJson> CatalogItemAsync(int id)
    {
        using var catalog = shop.App.CreateHttpClient("catalog-api");
        return (await catalog.GetFromJsonAsync<CatalogItemJson>(new Uri($"/api/catalog/items/{id}", UriKind.Relative)))!;
    }

    private static (int, string, decimal, int, decimal, bool, bool) Summary(Apis.BasketLineResponse line) =>
        (line.ProductId, line.Name, line.UnitPrice, line.Quantity, line.LineTotal, line.PriceChanged, line.Available);

    private sealed record CatalogItemJson(int Id, string Name, decimal Price);
}
