namespace Shop.Contracts;

/// <summary>Published by Basket.Api when a shopper checks out; prices are Catalog's at that moment, never the client's.
/// The card never travels: only the gateway token and its last four digits do.</summary>
public sealed record OrderSubmitted(
    Guid OrderId,
    string BuyerId,
    IReadOnlyList<OrderLine> Lines,
    ShippingAddress ShippingAddress,
    PaymentMethod Payment,
    DateTimeOffset SubmittedAt);

public sealed record OrderLine(int ProductId, string ProductName, decimal UnitPrice, int Quantity);

public sealed record ShippingAddress(string FullName, string Street, string City, string PostalCode, string Country);

/// <summary>A tokenized card: <see cref="CardToken"/> is what the (simulated) payment gateway charges.</summary>
public sealed record PaymentMethod(string CardToken, string CardLast4, string CardHolder);
