namespace Shop.WebFrontend.Services;

/// <summary>An order as Ordering.Worker returns it to its buyer.</summary>
public sealed record CustomerOrder(
    Guid OrderId,
    string Status,
    string? Reason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    decimal Total,
    IReadOnlyList<CustomerOrderLine> Lines,
    ShippingAddress ShippingAddress,
    string CardLast4)
{
    /// <summary>Ordering.Worker allows a shopper's cancel before payment only.</summary>
    public bool CanCancel => OrderStatuses.CanCancel(Status);

    public int ItemCount => Lines.Sum(line => line.Quantity);

    /// <summary>The short reference a shopper reads: the first eight hex digits of the id.</summary>
    public string Reference => OrderStatuses.Reference(OrderId);
}

public sealed record CustomerOrderLine(int ProductId, string ProductName, decimal UnitPrice, int Quantity)
{
    public decimal LineTotal => UnitPrice * Quantity;
}

public static class OrderStatuses
{
    public const string Submitted = "Submitted";
    public const string Paid = "Paid";
    public const string Cancelled = "Cancelled";
    public const string Shipped = "Shipped";

    public static bool CanCancel(string status) => status == Submitted;

    /// <summary>No later status follows: the order page stops watching.</summary>
    public static bool IsFinal(string status) => status is Cancelled or Shipped;

    public static string Reference(Guid orderId) => orderId.ToString("N")[..8].ToUpperInvariant();
}
