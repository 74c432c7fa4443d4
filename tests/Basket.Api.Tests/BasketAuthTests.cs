using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shop.Security;

namespace Shop.Basket.Api.Tests;

[Collection(ShopSystem.Name)]
public sealed class BasketAuthTests(ShopFixture shop)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/basket" },
        { "PUT", "/api/basket/items/1" },
        { "POST", "/api/basket/items/1" },
        { "DELETE", "/api/basket/items/1" },
        { "DELETE", "/api/basket" },
        { "POST", "/api/basket/checkout" },
        { "POST", "/api/basket/merge" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_answers_401_without_a_token_or_with_an_expired_forged_or_garbled_one(string method, string path)
    {
        var buyer = ShopFixture.NewBuyer();
        var expired = ShopFixture.CreateTokens(new FixedClock(DateTimeOffset.UtcNow.AddHours(-1))).Issue(buyer);
        var forged = new BuyerTokens(Options.Create(new BuyerTokenOptions { Key = "another-key-that-is-at-least-32-chars" }), TimeProvider.System)
            .Issue(buyer);

        foreach (var token in new[] { null, expired, forged, "garbled", shop.Tokens.Issue(buyer)[..^4] })
        {
            using var client = shop.Basket.CreateClient();
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            {
                Content = method is "PUT" or "POST" ? JsonContent.Create(new { quantity = 1 }) : null,
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var owner = shop.ClientFor(buyer);
        Assert.Empty((await owner.GetBasketAsync()).Lines);
    }

    [Fact]
    public async Task A_buyer_can_neither_see_nor_change_another_buyer_s_basket()
    {
        using var alice = shop.ClientFor(ShopFixture.NewBuyer());
        using var bob = shop.ClientFor(ShopFixture.NewBuyer());
        await alice.SetQuantityAsync(11, 3);

        Assert.Empty((await bob.GetBasketAsync()).Lines);
        await bob.RemoveAsync(11);
        await bob.DeleteAsync(new Uri("/api/basket", UriKind.Relative));
        await bob.SetQuantityAsync(11, 1);

        Assert.Equal((11, 3), Summary(Assert.Single((await alice.GetBasketAsync()).Lines)));
        Assert.Equal((11, 1), Summary(Assert.Single((await bob.GetBasketAsync()).Lines)));
    }

    private static (int, int) Summary(Apis.BasketLineResponse line) => (line.ProductId, line.Quantity);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
