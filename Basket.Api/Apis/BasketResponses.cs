using Shop.Basket.Api.Infrastructure;
using Shop.Basket.Api.Model;

namespace Shop.Basket.Api.Apis;

/// <summary>The buyer's basket at today's catalog prices.</summary>
public sealed record BasketResponse(IReadOnlyList<BasketLineResponse> Lines, decimal Total)
{
    public static BasketResponse From(IReadOnlyList<BasketLine> lines, IReadOnlyDictionary<int, CatalogItem> catalog)
    {
        var responses = lines.Select(line => BasketLineResponse.From(line, catalog.GetValueOrDefault(line.ProductId))).ToList();
        return new BasketResponse(responses, responses.Where(line => line.Available).Sum(line => line.LineTotal));
    }
}

/// <summary>One line. <see cref="PriceChanged"/>: the catalog price differs from <see cref="PriceWhenAdded"/>, the price
/// when the buyer last set the quantity. <see cref="Available"/> is false for a product the catalog no longer has; such
/// a line shows its last known price, counts for nothing, and blocks checkout until removed.</summary>
public sealed record BasketLineResponse(
    int ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, decimal PriceWhenAdded, bool PriceChanged, bool Available)
{
    public static BasketLineResponse From(BasketLine line, CatalogItem? item) => item is null
        ? new BasketLineResponse(line.ProductId, "", line.PriceWhenAdded, line.Quantity, 0m, line.PriceWhenAdded, false, false)
        : new BasketLineResponse(
            line.ProductId, item.Name, item.Price, line.Quantity, item.Price * line.Quantity, line.PriceWhenAdded, item.Price != line.PriceWhenAdded, true);
}

/// <summary>The body of PUT (the new quantity) and POST (how many to add) on <c>/items/{productId}</c>.</summary>
public sealed record QuantityRequest(int Quantity);

/// <summary>A line's quantity after a change.</summary>
public sealed record BasketItemResponse(int ProductId, int Quantity);
