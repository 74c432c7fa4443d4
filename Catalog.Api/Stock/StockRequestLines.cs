using Shop.Contracts;

namespace Shop.Catalog.Api.Stock;

/// <summary>An order's lines as the database takes them: one per product (repeated products add up), in product id
/// order. Lines that ask for less than one unit make the whole request invalid, and so rejected.</summary>
public sealed class StockRequestLines
{
    private StockRequestLines(int[] productIds, int[] quantities)
    {
        ProductIds = productIds;
        Quantities = quantities;
    }

    public int[] ProductIds { get; }

    public int[] Quantities { get; }

    public int Count => ProductIds.Length;

    /// <summary>At least one line, each for at least one unit.</summary>
    public bool IsValid => Count > 0 && Quantities.All(quantity => quantity > 0);

    public static StockRequestLines Combine(IReadOnlyList<StockLine>? lines)
    {
        var combined = (lines ?? [])
            .GroupBy(line => line.ProductId)
            .OrderBy(group => group.Key)
            .Select(group => (ProductId: group.Key, Quantity: (int)Math.Clamp(group.Sum(line => (long)line.Quantity), int.MinValue, int.MaxValue)))
            .ToList();
        return new StockRequestLines([.. combined.Select(line => line.ProductId)], [.. combined.Select(line => line.Quantity)]);
    }

    /// <summary>The lines that ask for less than one unit.</summary>
    public StockRequestLines Invalid => Where(i => Quantities[i] < 1);

    /// <summary>The lines whose product is not in <paramref name="productIds"/>.</summary>
    public StockRequestLines Without(IReadOnlySet<int> productIds) => Where(i => !productIds.Contains(ProductIds[i]));

    private StockRequestLines Where(Func<int, bool> keepLineAt)
    {
        var kept = Enumerable.Range(0, Count).Where(keepLineAt).ToList();
        return new StockRequestLines([.. kept.Select(i => ProductIds[i])], [.. kept.Select(i => Quantities[i])]);
    }
}
