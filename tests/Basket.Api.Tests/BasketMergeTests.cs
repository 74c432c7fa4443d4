using System.Net;
using System.Net.Http.Json;
using Shop.Basket.Api.Apis;
using Shop.Security;
using Shop.Tests.Hostile;

namespace Shop.Basket.Api.Tests;

/// <summary>POST /api/basket/merge: after sign-in, the anonymous buyer's basket moves into the account's.</summary>
[Collection(ShopSystem.Name)]
public sealed class BasketMergeTests(ShopFixture shop)
{
    [Fact]
    public async Task Merging_adds_quantities_per_product_clamps_a_sum_at_99_and_empties_the_anonymous_basket()
    {
        var (anonymousBuyer, account) = (ShopFixture.NewBuyer(), ShopFixture.NewBuyer());
        using var anonymous = shop.ClientFor(anonymousBuyer);
        using var signedIn = shop.ClientFor(account);
        await anonymous.SetQuantityAsync(1, 3);
        await anonymous.SetQuantityAsync(2, 60);
        await signedIn.SetQuantityAsync(2, 50);
        await signedIn.SetQuantityAsync(3, 1);

        using var merge = await signedIn.MergeAsync(shop.Tokens.Issue(anonymousBuyer));

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var merged = (await merge.Content.ReadFromJsonAsync<BasketResponse>())!;
        Assert.Equal([(1, 3), (2, 99), (3, 1)], Quantities(merged));
        Assert.Equal(Quantities(await signedIn.GetBasketAsync()), Quantities(merged));
        Assert.Equal(merged.Lines.Sum(line => line.LineTotal), merged.Total);
        Assert.Empty((await anonymous.GetBasketAsync()).Lines);
        await using var redis = await shop.ConnectToRedisAsync();
        Assert.False(await redis.GetDatabase().KeyExistsAsync($"basket:{{{anonymousBuyer}}}"));
    }

    [Fact]
    public async Task Merging_keeps_the_100_line_cap_leaving_out_the_highest_new_products()
    {
        var (anonymousBuyer, account) = (ShopFixture.NewBuyer(), ShopFixture.NewBuyer());
        using var anonymous = shop.ClientFor(anonymousBuyer);
        using var signedIn = shop.ClientFor(account);
        var adds = await Task.WhenAll(Enumerable.Range(1, 99).Select(productId => signedIn.AddAsync(productId)));
        Assert.All(adds, add => Assert.Equal(HttpStatusCode.OK, add.StatusCode));
        await anonymous.AddAsync(5, 2);
        await anonymous.AddAsync(101);
        await anonymous.AddAsync(100);

        using var merge = await signedIn.MergeAsync(shop.Tokens.Issue(anonymousBuyer));

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var lines = (await signedIn.GetBasketAsync()).Lines;
        Assert.Equal(Enumerable.Range(1, 100), lines.Select(line => line.ProductId));
        Assert.Equal(3, lines.Single(line => line.ProductId == 5).Quantity);
        Assert.Empty((await anonymous.GetBasketAsync()).Lines);
    }

    [Fact]
    public async Task Merging_an_absent_or_emptied_anonymous_basket_leaves_the_account_s_basket_as_it_was()
    {
        var (neverUsed, emptied, account) = (ShopFixture.NewBuyer(), ShopFixture.NewBuyer(), ShopFixture.NewBuyer());
        using var signedIn = shop.ClientFor(account);
        using var emptiedClient = shop.ClientFor(emptied);
        await signedIn.SetQuantityAsync(4, 2);
        await emptiedClient.SetQuantityAsync(5, 1);
        await emptiedClient.RemoveAsync(5);

        using var fromNever = await signedIn.MergeAsync(shop.Tokens.Issue(neverUsed));
        using var fromEmptied = await signedIn.MergeAsync(shop.Tokens.Issue(emptied));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromNever.StatusCode, fromEmptied.StatusCode));
        Assert.Equal([(4, 2)], Quantities((await fromEmptied.Content.ReadFromJsonAsync<BasketResponse>())!));
    }

    [Fact]
    public async Task A_replayed_merge_changes_nothing()
    {
        var (anonymousBuyer, account) = (ShopFixture.NewBuyer(), ShopFixture.NewBuyer());
        using var anonymous = shop.ClientFor(anonymousBuyer);
        using var signedIn = shop.ClientFor(account);
        await anonymous.SetQuantityAsync(6, 2);
        await signedIn.SetQuantityAsync(6, 1);
        var token = shop.Tokens.Issue(anonymousBuyer);

        using var first = await signedIn.MergeAsync(token);
        using var replay = await signedIn.MergeAsync(token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal([(6, 3)], Quantities((await replay.Content.ReadFromJsonAsync<BasketResponse>())!));
        Assert.Equal([(6, 3)], Quantities(await signedIn.GetBasketAsync()));
    }

    /// <summary>The account holder (the bearer) tries to take a victim's basket with a token they could not have been
    /// issued: only a token the frontend signed for the victim's id would do.</summary>
    [Theory]
    [MemberData(nameof(ForgedBuyerToken.BadTransferTokens), MemberType = typeof(ForgedBuyerToken))]
    public async Task A_missing_invalid_expired_forged_or_same_buyer_fromBuyerToken_is_a_400_naming_it_and_moves_nothing(string kind)
    {
        var (victim, account) = (ShopFixture.NewBuyer(), ShopFixture.NewBuyer());
        using var victimClient = shop.ClientFor(victim);
        using var signedIn = shop.ClientFor(account);
        await victimClient.SetQuantityAsync(7, 2);
        await signedIn.SetQuantityAsync(8, 1);
        var token = ForgedBuyerToken.ForTransfer(kind, ShopFixture.BuyerTokenKey, victim, account);

        using var merge = await signedIn.MergeAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, merge.StatusCode);
        Assert.Equal("application/problem+json", merge.Content.Headers.ContentType?.MediaType);
        Assert.Equal([BuyerTransferRequest.FieldName], await merge.ErrorFieldsAsync());
        Assert.Equal([(7, 2)], Quantities(await victimClient.GetBasketAsync()));
        Assert.Equal([(8, 1)], Quantities(await signedIn.GetBasketAsync()));
    }

    private static List<(int, int)> Quantities(BasketResponse basket) => [.. basket.Lines.Select(line => (line.ProductId, line.Quantity))];
}
