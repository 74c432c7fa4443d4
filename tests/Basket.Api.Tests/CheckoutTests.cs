using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Basket.Api.Apis;
using StackExchange.Redis;

namespace Shop.Basket.Api.Tests;

[Collection(ShopSystem.Name)]
public sealed class CheckoutTests(ShopFixture shop)
{
    [Fact]
    public async Task Checking_out_twice_with_one_key_submits_one_order_at_catalog_prices_and_empties_the_basket()
    {
        const int repricedProduct = 41;
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await client.SetQuantityAsync(12, 2);
        await client.SetQuantityAsync(repricedProduct, 1);
        var addedPrice = Assert.Single((await client.GetBasketAsync()).Lines, line => line.ProductId == repricedProduct).UnitPrice;
        await shop.SetCatalogPriceAsync(repricedProduct, addedPrice + 5m);
        var key = Guid.NewGuid().ToString();

        using var first = await client.CheckOutAsync(key, BasketHttp.CheckoutBody());
        using var second = await client.CheckOutAsync(key, BasketHttp.CheckoutBody());

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var orderId = (await first.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId;
        Assert.Equal(orderId, (await second.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId);

        var order = Assert.Single(await shop.SubmittedOrders.ForBuyerAsync(buyer));
        Assert.Equal((orderId, orderId), (order.OrderId, order.MessageId));
        var lines = order.Message.GetProperty("lines").EnumerateArray()
            .Select(line => (line.GetProperty("productId").GetInt32(), Decimal(line.GetProperty("unitPrice")), line.GetProperty("quantity").GetInt32()))
            .ToList();
        Assert.Contains((repricedProduct, addedPrice + 5m, 1), lines);
        Assert.Equal([12, repricedProduct], lines.Select(line => line.Item1));
        var payment = order.Message.GetProperty("payment");
        Assert.Equal("4242", payment.GetProperty("cardLast4").GetString());
        Assert.StartsWith("tok_", payment.GetProperty("cardToken").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4242424242424242", order.Message.GetRawText().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace", order.Message.GetProperty("shippingAddress").GetProperty("fullName").GetString());

        Assert.Empty((await client.GetBasketAsync()).Lines);
    }

    [Fact]
    public async Task Concurrent_checkouts_with_one_key_submit_one_order()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await client.SetQuantityAsync(13, 1);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.CheckOutAsync(key, BasketHttp.CheckoutBody())));

        // The attempt holding the key's lock sends; any other that overlaps it is told to retry (409).
        Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var orderIds = new HashSet<Guid>();
        foreach (var response in responses.Where(response => response.StatusCode == HttpStatusCode.Accepted))
        {
            orderIds.Add((await response.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId);
        }

        using var retry = await client.CheckOutAsync(key, BasketHttp.CheckoutBody());
        orderIds.Add((await retry.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId);
        Assert.Equal(Assert.Single(orderIds), Assert.Single(await shop.SubmittedOrders.ForBuyerAsync(buyer)).OrderId);
        Assert.All(responses, response => response.Dispose());
    }

    [Fact]
    public async Task Checking_out_an_empty_basket_is_a_400_and_submits_nothing()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);

        using var response = await client.CheckOutAsync(Guid.NewGuid().ToString(), BasketHttp.CheckoutBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await shop.SubmittedOrders.ForBuyerAsync(buyer));
    }

    [Fact]
    public async Task Invalid_address_and_card_fields_are_each_named_in_a_400_and_nothing_is_submitted()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await client.SetQuantityAsync(14, 1);
        var body = new
        {
            shippingAddress = new { fullName = " ", street = "1 Road", city = "", postalCode = new string('9', 21), country = "NL" },
            payment = new { cardNumber = "4242 4242 4242 4241", cardHolder = "A", expiryMonth = 13, expiryYear = 2031, cvc = "12a" },
        };

        using var response = await client.CheckOutAsync(idempotencyKey: null, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            [
                "Idempotency-Key", "payment.cardNumber", "payment.cvc", "payment.expiryMonth",
                "shippingAddress.city", "shippingAddress.fullName", "shippingAddress.postalCode",
            ],
            await response.ErrorFieldsAsync());
        Assert.DoesNotContain("4241", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await client.GetBasketAsync()).Lines);
        Assert.Empty(await shop.SubmittedOrders.ForBuyerAsync(buyer));
    }

    [Fact]
    public async Task An_expired_card_or_a_missing_section_is_named()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());

        using var expired = await client.CheckOutAsync("k", BasketHttp.CheckoutBody(expiryYear: DateTime.UtcNow.Year - 1));
        using var empty = await client.CheckOutAsync("k", new { });

        Assert.Equal(["payment.expiryYear"], await expired.ErrorFieldsAsync());
        Assert.Equal(["payment", "shippingAddress"], await empty.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_product_the_catalog_no_longer_has_blocks_checkout_until_it_is_removed()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        var productId = await shop.AddCatalogProductAsync(12.50m);
        await client.SetQuantityAsync(productId, 1);
        await client.SetQuantityAsync(15, 1);
        await shop.DeleteCatalogProductAsync(productId);
        var key = Guid.NewGuid().ToString();

        var gone = Assert.Single((await client.GetBasketAsync()).Lines, line => line.ProductId == productId);
        using var refused = await client.CheckOutAsync(key, BasketHttp.CheckoutBody());
        await client.RemoveAsync(productId);
        using var accepted = await client.CheckOutAsync(key, BasketHttp.CheckoutBody());

        Assert.False(gone.Available);
        Assert.Equal(["lines"], await refused.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal([15], Assert.Single(await shop.SubmittedOrders.ForBuyerAsync(buyer)).Message.GetProperty("lines").EnumerateArray()
            .Select(line => line.GetProperty("productId").GetInt32()));
    }

    [Fact]
    public async Task Card_numbers_reach_neither_the_logs_nor_Redis()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await client.SetQuantityAsync(16, 1);

        // One refused for its CVC, one accepted.
        await client.CheckOutAsync(Guid.NewGuid().ToString(), new
        {
            shippingAddress = new { fullName = "A", street = "B", city = "C", postalCode = "D", country = "E" },
            payment = new { cardNumber = "5555555555554444", cardHolder = "A", expiryMonth = 1, expiryYear = 2031, cvc = "1" },
        });
        using var accepted = await client.CheckOutAsync(Guid.NewGuid().ToString(), BasketHttp.CheckoutBody("4000 0000 0000 0002"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var logs = string.Join('\n', shop.Basket.LogLines);
        Assert.Contains("submitted", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { "5555555555554444", "4000000000000002", "4000 0000 0000 0002" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await StoredValuesAsync(buyer), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_the_broker_stopped_checkout_is_a_503_that_keeps_the_basket_and_the_same_key_succeeds_once_it_is_back()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await client.SetQuantityAsync(17, 3);
        var key = Guid.NewGuid().ToString();
        await shop.App.StopAsync("messaging", TimeSpan.FromSeconds(120));
        HttpResponseMessage unavailable;
        try
        {
            unavailable = await client.CheckOutAsync(key, BasketHttp.CheckoutBody());
        }
        finally
        {
            await shop.App.StartAsync("messaging", TimeSpan.FromSeconds(120));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal((17, 3), Summary(Assert.Single((await client.GetBasketAsync()).Lines)));

        // The bus reconnects by itself; until it has, the retry may still meet a 503.
        HttpResponseMessage retried;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((retried = await client.CheckOutAsync(key, BasketHttp.CheckoutBody())).StatusCode == HttpStatusCode.ServiceUnavailable
            && !deadline.IsCancellationRequested)
        {
            retried.Dispose();
        }

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var orderId = (await retried.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId;
        Assert.Equal(orderId, Assert.Single(await shop.SubmittedOrders.ForBuyerAsync(buyer)).OrderId);
        Assert.Empty((await client.GetBasketAsync()).Lines);
        unavailable.Dispose();
        retried.Dispose();
    }

    /// <summary>Every value stored under the buyer's keys.</summary>
    private async Task<string> StoredValuesAsync(string buyer)
    {
        await using var redis = await shop.ConnectToRedisAsync();
        var db = redis.GetDatabase();
        var keys = (RedisResult[])(await db.ExecuteAsync("KEYS", $"basket:{{{buyer}}}*"))!;
        var values = new List<string>();
        foreach (var key in keys.Select(item => (string)item!))
        {
            values.Add(await db.KeyTypeAsync(key) == RedisType.Hash
                ? string.Join(',', await db.HashGetAllAsync(key))
                : (string?)await db.StringGetAsync(key) ?? "");
        }

        Assert.NotEmpty(values);
        return string.Join('\n', values);
    }

    /// <summary>MassTransit's JSON writes decimals as strings, so that no precision is lost on the way.</summary>
    private static decimal Decimal(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetDecimal();

    private static (int, int) Summary(BasketLineResponse line) => (line.ProductId, line.Quantity);
}
