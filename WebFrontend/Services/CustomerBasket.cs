namespace Shop.WebFrontend.Services;

/// <summary>A buyer's basket as Basket.Api returns it, priced at today's catalog prices.</summary>
public sealed record CustomerBasket(IReadOnlyList<BasketLine> Lines, decimal Total)
{
    public static readonly CustomerBasket Empty = new([], 0m);

    public int ItemCount => Lines.Sum(line => line.Quantity);

    public bool HasPriceChanges => Lines.Any(line => line.PriceChanged);

    /// <summary>A line the catalog no longer sells blocks checkout until the shopper removes it.</summary>
    public bool HasUnavailableLines => Lines.Any(line => !line.Available);

    public bool CanCheckOut => Lines.Count > 0 && !HasUnavailableLines;
}

/// <summary><see cref="PriceWhenAdded"/> is the price when the shopper last set the quantity; <see cref="PriceChanged"/>
/// says today's <see cref="UnitPrice"/> differs from it.</summary>
public sealed record BasketLine(
    int ProductId,
    string Name,
    decimal UnitPrice,
    int Quantity,
    decimal LineTotal,
    decimal PriceWhenAdded,
    bool PriceChanged,
    bool Available);

/// <summary>The body of Basket.Api's PUT (the new quantity) and POST (how many to add) on <c>/items/{productId}</c>.</summary>
public sealed record QuantityRequest(int Quantity);
