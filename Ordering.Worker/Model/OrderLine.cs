namespace Shop.Ordering.Worker.Model;

/// <summary>One product of an order, at the price Catalog quoted when the shopper checked out.</summary>
public sealed class OrderLine
{
    public Guid OrderId { get; init; }

    /// <summary>The line's position in the order, from 1.</summary>
    public required int LineNumber { get; init; }

    public required int ProductId { get; init; }

    public required string ProductName { get; init; }

    public required decimal UnitPrice { get; init; }

    public required int Quantity { get; init; }
}
