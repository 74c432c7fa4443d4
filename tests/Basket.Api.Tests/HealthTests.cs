using System.Net;

namespace Shop.Basket.Api.Tests;

[Collection(ShopSystem.Name)]
public sealed class HealthTests(ShopFixture shop)
{
    [Fact]
    public async Task The_service_is_healthy_when_Redis_and_the_broker_answer()
    {
        using var client = shop.Basket.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_service_is_unhealthy_but_alive_when_nothing_listens_at_the_Redis_address()
    {
        await using var factory = WithCache($"127.0.0.1:{ClosedPort.Find()},password=irrelevant");
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_service_is_unhealthy_when_Redis_refuses_the_password_and_basket_calls_answer_503()
    {
        var connectionString = shop.App.GetConnectionString("cache");
        await using var factory = WithCache(connectionString[..connectionString.IndexOf(',', StringComparison.Ordinal)] + ",password=wrong");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", shop.Tokens.Issue(ShopFixture.NewBuyer()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        using var basket = await client.GetAsync(new Uri("/api/basket", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, basket.StatusCode);
        Assert.Equal("application/problem+json", basket.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("wrong", await basket.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basket_calls_answer_503_and_change_nothing_while_the_catalog_is_unreachable()
    {
        var buyer = ShopFixture.NewBuyer();
        using var owner = shop.ClientFor(buyer);
        await owner.SetQuantityAsync(18, 1);
        var settings = shop.Settings();
        settings["services:catalog-api:http:0"] = $"http://127.0.0.1:{ClosedPort.Find()}";
        settings["HttpResilience:Retry:MaxRetryAttempts"] = "1";
        settings["HttpResilience:Retry:Delay"] = "00:00:00.010";
        await using var factory = new BasketApiFactory(settings);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", shop.Tokens.Issue(buyer));

        using var add = await client.AddAsync(19);
        using var read = await client.GetAsync(new Uri("/api/basket", UriKind.Relative));
        using var checkout = await client.CheckOutAsync(Guid.NewGuid().ToString(), BasketHttp.CheckoutBody());

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable),
            (add.StatusCode, read.StatusCode, checkout.StatusCode));
        Assert.Equal([18], (await owner.GetBasketAsync()).Lines.Select(line => line.ProductId));
        Assert.Empty(await shop.SubmittedOrders.ForBuyerAsync(buyer));
    }

    private BasketApiFactory WithCache(string connectionString)
    {
        var settings = shop.Settings();
        settings["ConnectionStrings:cache"] = connectionString;
        return new BasketApiFactory(settings);
    }
}
