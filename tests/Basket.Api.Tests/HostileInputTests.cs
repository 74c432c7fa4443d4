using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shop.Basket.Api.Apis;
using Shop.Contracts;
using Shop.Tests.Hostile;
using Xunit.Abstractions;

namespace Shop.Basket.Api.Tests;

/// <summary>Every route of Basket.Api, given the hostile-value table field by field: never a 5xx, and every checkout
/// answered 202 is an order in Ordering's queue that Ordering's own rules accept (the worker's tests show that such an
/// order is recorded).</summary>
[Collection(ShopSystem.Name)]
public sealed class HostileInputTests(ShopFixture shop, ITestOutputHelper output)
{
    private const int Product = 15;

    private static readonly Dictionary<string, string> _validCheckout = new()
    {
        ["shippingAddress.fullName"] = "\"Ada Lovelace\"",
        ["shippingAddress.street"] = "\"12 Analytical Row\"",
        ["shippingAddress.city"] = "\"London\"",
        ["shippingAddress.postalCode"] = "\"N1 7AA\"",
        ["shippingAddress.country"] = "\"United Kingdom\"",
        ["payment.cardNumber"] = "\"4242 4242 4242 4242\"",
        ["payment.cardHolder"] = "\"ADA LOVELACE\"",
        ["payment.expiryMonth"] = "12",
        ["payment.expiryYear"] = "2031",
        ["payment.cvc"] = "\"123\"",
    };

    [Fact]
    public async Task No_hostile_request_gets_a_server_error_and_every_accepted_checkout_is_an_order_ordering_accepts()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        var tally = new StatusTally("Basket.Api");
        var accepted = new HashSet<Guid>();

        foreach (var field in _validCheckout.Keys)
        {
            var values = field is "payment.expiryMonth" or "payment.expiryYear" ? HostileValues.WholeNumber : HostileValues.Text;
            foreach (var value in values)
            {
                using var add = await tally.SendAsync(client, Json(HttpMethod.Put, $"/api/basket/items/{Product}", "{\"quantity\":1}"));
                var checkout = Json(HttpMethod.Post, "/api/basket/checkout", CheckoutBody(field, value));
                checkout.Headers.Add(CheckoutApi.IdempotencyKeyHeader, Guid.NewGuid().ToString("N"));
                using var response = await tally.SendAsync(client, checkout);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add((await response.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId);
                }
            }
        }

        foreach (var key in new[] { "", " ", "k1:lock", "a b", "ключ", "x/y", "{k}", new string('k', 101), "*", "k\"" })
        {
            using var add = await tally.SendAsync(client, Json(HttpMethod.Put, $"/api/basket/items/{Product}", "{\"quantity\":1}"));
            var checkout = Json(HttpMethod.Post, "/api/basket/checkout", CheckoutBody("payment.cvc", "\"123\""));
            checkout.Headers.TryAddWithoutValidation(CheckoutApi.IdempotencyKeyHeader, key);
            using var response = await tally.SendAsync(client, checkout);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId);
            }
        }

        foreach (var route in new[] { $"/api/basket/items/{Product}", "/api/basket/checkout" })
        {
            foreach (var method in route.EndsWith("checkout", StringComparison.Ordinal) ? [HttpMethod.Post] : new[] { HttpMethod.Put, HttpMethod.Post })
            {
                foreach (var value in HostileValues.WholeNumber)
                {
                    using var _ = await tally.SendAsync(client, Json(method, route, $"{{\"quantity\":{value}}}"));
                }

                foreach (var body in HostileValues.Bodies)
                {
                    using var _ = await tally.SendAsync(client, Json(method, route, body));
                }

                foreach (var contentType in HostileValues.ContentTypes)
                {
                    var request = Json(method, route, "{\"quantity\":1}");
                    request.Content!.Headers.Remove("Content-Type");
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    using var _ = await tally.SendAsync(client, request);
                }
            }
        }

        foreach (var segment in HostileValues.PathSegment)
        {
            using var put = await tally.SendAsync(client, Json(HttpMethod.Put, $"/api/basket/items/{segment}", "{\"quantity\":1}"));
            using var post = await tally.SendAsync(client, Json(HttpMethod.Post, $"/api/basket/items/{segment}", "{\"quantity\":1}"));
            using var delete = await tally.SendAsync(client, new HttpRequestMessage(HttpMethod.Delete, $"/api/basket/items/{segment}"));
            using var get = await tally.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/api/basket?x={segment}"));
        }

        foreach (var subject in ForgedBuyerToken.HostileSubjects)
        {
            using var forged = shop.Basket.CreateClient();
            forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedBuyerToken.WithSubject(ShopFixture.BuyerTokenKey, subject));
            var checkout = Json(HttpMethod.Post, "/api/basket/checkout", CheckoutBody("payment.cvc", "\"123\""));
            checkout.Headers.Add(CheckoutApi.IdempotencyKeyHeader, "forged");
            using var response = await tally.SendAsync(forged, checkout);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var queued = await shop.SubmittedOrders.ForBuyerAsync(buyer);
        Assert.Equal(accepted.Order(), queued.Select(order => order.OrderId).Order());
        foreach (var order in queued)
        {
            Assert.Empty(OrderSubmittedRules.Problems(order.Message.Deserialize<OrderSubmitted>(JsonSerializerOptions.Web)!));
        }

        output.WriteLine($"{tally.AssertNoServerErrors()}; {accepted.Count} checkouts accepted, all queued and acceptable to Ordering");
    }

    [Theory]
    [InlineData("shippingAddress.fullName", "\"A\\u0000da\"")]
    [InlineData("shippingAddress.street", "\"12 Row\\u0007\"")]
    [InlineData("payment.cardHolder", "\"ADA\\nLOVELACE\"")]
    [InlineData("payment.expiryMonth", "\"12\"")]
    public async Task A_checkout_with_a_control_character_or_a_number_as_a_string_is_a_400_naming_the_field_and_keeps_the_basket(string field, string value)
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        await client.SetQuantityAsync(Product, 2);
        var checkout = Json(HttpMethod.Post, "/api/basket/checkout", CheckoutBody(field, value));
        checkout.Headers.Add(CheckoutApi.IdempotencyKeyHeader, "control-characters");

        using var response = await client.SendAsync(checkout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(2, Assert.Single((await client.GetBasketAsync()).Lines).Quantity);
        Assert.Empty(await shop.SubmittedOrders.ForBuyerAsync(buyer));
    }

    [Fact]
    public async Task A_checkout_whose_total_ordering_cannot_store_is_a_400_and_keeps_the_basket()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);
        int[] dearest = [await shop.AddCatalogProductAsync(Limits.MaxPrice), await shop.AddCatalogProductAsync(Limits.MaxPrice)];
        foreach (var product in dearest)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SetQuantityAsync(product, Limits.MaxQuantity)).StatusCode);
        }

        using var response = await client.CheckOutAsync("too-dear", BasketHttp.CheckoutBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["total"], await response.ErrorFieldsAsync());
        Assert.Equal(2, (await client.GetBasketAsync()).Lines.Count);
        Assert.Empty(await shop.SubmittedOrders.ForBuyerAsync(buyer));
        foreach (var product in dearest)
        {
            await shop.DeleteCatalogProductAsync(product);
        }
    }

    [Fact]
    public async Task Idempotency_keys_never_reach_the_checkout_locks()
    {
        var buyer = ShopFixture.NewBuyer();
        using var client = shop.ClientFor(buyer);

        await client.SetQuantityAsync(Product, 1);
        using var withLockSuffix = await client.CheckOutAsync("k1:lock", BasketHttp.CheckoutBody());
        await client.SetQuantityAsync(Product, 1);
        using var plain = await client.CheckOutAsync("k1", BasketHttp.CheckoutBody());
        await client.SetQuantityAsync(Product, 1);
        var together = await Task.WhenAll(client.CheckOutAsync("K", BasketHttp.CheckoutBody()), client.CheckOutAsync("K:lock", BasketHttp.CheckoutBody()));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (withLockSuffix.StatusCode, plain.StatusCode));
        Assert.NotEqual(
            (await withLockSuffix.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId, (await plain.Content.ReadFromJsonAsync<CheckoutResponse>())!.OrderId);
        // Both ran at once on one basket line: each is an order, or finds the basket already emptied by the other.
        Assert.All(together, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.BadRequest }));
        Assert.Contains(together, response => response.StatusCode == HttpStatusCode.Accepted);
        Assert.All(together, response => response.Dispose());
    }

    [Theory]
    [InlineData("/api/basket/items/15", "PUT")]
    [InlineData("/api/basket/items/15", "POST")]
    [InlineData("/api/basket/checkout", "POST")]
    public async Task A_json_body_in_an_unknown_charset_is_unsupported(string path, string method)
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());
        var request = Json(new HttpMethod(method), path, "{\"quantity\":1}");
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=ebcdic");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_quantity_sent_as_a_string_is_a_400_naming_it()
    {
        using var client = shop.ClientFor(ShopFixture.NewBuyer());

        using var response = await client.SendAsync(Json(HttpMethod.Put, $"/api/basket/items/{Product}", "{\"quantity\":\"1\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["quantity"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_request_without_a_buyer_token_is_a_401_problem()
    {
        using var anonymous = shop.Basket.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/basket", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The valid checkout, with one field (a JSON path) replaced by a JSON literal.</summary>
    private static string CheckoutBody(string field, string value)
    {
        string Section(string name) => "{" + string.Join(",", _validCheckout
            .Where(pair => pair.Key.StartsWith(name + ".", StringComparison.Ordinal))
            .Select(pair => $"\"{pair.Key[(name.Length + 1)..]}\":{(pair.Key == field ? value : pair.Value)}")) + "}";
        return $"{{\"shippingAddress\":{Section("shippingAddress")},\"payment\":{Section("payment")}}}";
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
