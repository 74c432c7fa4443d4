using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Basket.Api.Infrastructure;
using Shop.Basket.Api.Model;
using Shop.Security;

namespace Shop.Basket.Api.Apis;

/// <summary>The buyer's own basket. Every route needs a buyer token, and the basket is always the token's buyer's: no
/// route takes a buyer or basket id.</summary>
public static class BasketApi
{
    public static IEndpointRouteBuilder MapBasketApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/basket").WithTags("Basket").RequireAuthorization(ShopAuth.BuyerPolicy);

        api.MapGet("/", GetBasketAsync)
            .WithName("GetBasket")
            .WithSummary("Gets the basket at the catalog's prices (cached per replica, kept current by price change events), flagging prices that changed since they were added");

        api.MapPut("/items/{productId:int}", SetItemQuantityAsync)
            .WithName("SetBasketItemQuantity")
            .WithSummary("Sets the quantity of a product in the basket (1–99), adding it if needed");

        api.MapPost("/items/{productId:int}", AddItemAsync)
            .WithName("AddBasketItem")
            .WithSummary("Adds a quantity of a product to the basket; concurrent adds all count");

        api.MapDelete("/items/{productId:int}", RemoveItemAsync)
            .WithName("RemoveBasketItem")
            .WithSummary("Removes a product from the basket");

        api.MapDelete("/", ClearBasketAsync)
            .WithName("ClearBasket")
            .WithSummary("Empties the basket");

        api.MapPost("/merge", MergeBasketAsync)
            .WithName("MergeBasket")
            .WithSummary("Moves the anonymous buyer's basket (named by fromBuyerToken) into the bearer's after sign-in, quantities added within the limits; a repeat changes nothing");

        api.MapCheckoutApi();
        return app;
    }

    public static async Task<Ok<BasketResponse>> GetBasketAsync(
        ClaimsPrincipal user, BasketStore baskets, CatalogCache products, CatalogClient catalog, CancellationToken cancellationToken)
    {
        var lines = await baskets.GetLinesAsync(user.GetBuyerId(), cancellationToken);
        var items = await products.GetItemsAsync([.. lines.Select(line => line.ProductId)], catalog, cancellationToken);
        return TypedResults.Ok(BasketResponse.From(lines, items));
    }

    public static async Task<Results<Ok<BasketResponse>, ValidationProblem>> MergeBasketAsync(
        BuyerTransferRequest request,
        ClaimsPrincipal user,
        BuyerTokens tokens,
        BasketStore baskets,
        CatalogCache products,
        CatalogClient catalog,
        CancellationToken cancellationToken)
    {
        var (fromBuyerId, problem) = await request.ValidateAsync(tokens, user);
        if (fromBuyerId is null)
        {
            return problem!;
        }

        await baskets.MergeAsync(fromBuyerId, user.GetBuyerId(), cancellationToken);
        return await GetBasketAsync(user, baskets, products, catalog, cancellationToken);
    }

    public static Task<Results<Ok<BasketItemResponse>, ValidationProblem>> SetItemQuantityAsync(
        int productId, QuantityRequest request, ClaimsPrincipal user, BasketStore baskets, CatalogClient catalog, CancellationToken cancellationToken) =>
        ChangeQuantityAsync(productId, request, user, catalog, baskets.SetQuantityAsync, cancellationToken);

    public static Task<Results<Ok<BasketItemResponse>, ValidationProblem>> AddItemAsync(
        int productId, QuantityRequest request, ClaimsPrincipal user, BasketStore baskets, CatalogClient catalog, CancellationToken cancellationToken) =>
        ChangeQuantityAsync(productId, request, user, catalog, baskets.AddQuantityAsync, cancellationToken);

    public static async Task<NoContent> RemoveItemAsync(int productId, ClaimsPrincipal user, BasketStore baskets, CancellationToken cancellationToken)
    {
        await baskets.RemoveLineAsync(user.GetBuyerId(), productId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ClearBasketAsync(ClaimsPrincipal user, BasketStore baskets, CancellationToken cancellationToken)
    {
        await baskets.ClearAsync(user.GetBuyerId(), cancellationToken);
        return TypedResults.NoContent();
    }

    private delegate Task<LineUpdate> LineChange(string buyerId, int productId, int quantity, decimal price, CancellationToken cancellationToken);

    /// <summary>Checks the request, then the product against the catalog (whose price is stored with the line), then
    /// lets the store apply the change atomically, limits included.</summary>
    private static async Task<Results<Ok<BasketItemResponse>, ValidationProblem>> ChangeQuantityAsync(
        int productId, QuantityRequest request, ClaimsPrincipal user, CatalogClient catalog, LineChange change, CancellationToken cancellationToken)
    {
        if (productId <= 0)
        {
            return Invalid("productId", "The product id must be a positive number.");
        }

        if (request.Quantity is < BasketLine.MinQuantity or > BasketLine.MaxQuantity)
        {
            return Invalid("quantity", $"The quantity must be between {BasketLine.MinQuantity} and {BasketLine.MaxQuantity}.");
        }

        var items = await catalog.GetItemsAsync([productId], cancellationToken);
        if (!items.TryGetValue(productId, out var item))
        {
            return Invalid("productId", $"There is no product {productId} in the catalog.");
        }

        var update = await change(user.GetBuyerId(), productId, request.Quantity, item.Price, cancellationToken);
        return update.Outcome switch
        {
            LineUpdateOutcome.Updated => TypedResults.Ok(new BasketItemResponse(productId, update.Quantity)),
            LineUpdateOutcome.TooManyLines => Invalid("productId", $"A basket holds at most {BasketLine.MaxLines} different products."),
            _ => Invalid("quantity", $"A line holds at most {BasketLine.MaxQuantity}; the basket already has {update.Quantity} of product {productId}."),
        };
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
