using Shop.Ordering.Worker.Model;

namespace Shop.Ordering.Worker.Apis;

/// <summary>An order as its buyer (and the frontend) sees it. <see cref="Status"/>: Submitted, Paid, Cancelled or Shipped.</summary>
public sealed record OrderResponse(
    Guid OrderId,
    string Status,
    string? Reason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    decimal Total,
    IReadOnlyList<OrderLineResponse> Lines,
    AddressResponse ShippingAddress,
    string CardLast4)
{
    public static OrderResponse From(Order order) => new(
        order.Id,
        order.Status.ToString(),
        order.Reason,
        order.SubmittedAt,
        order.UpdatedAt,
        order.Total,
        [.. order.Lines.OrderBy(line => line.LineNumber).Select(line => new OrderLineResponse(line.ProductId, line.ProductName, line.UnitPrice, line.Quantity))],
        new AddressResponse(
            order.ShippingAddress.FullName,
            order.ShippingAddress.Street,
            order.ShippingAddress.City,
            order.ShippingAddress.PostalCode,
            order.ShippingAddress.Country),
        order.CardLast4);
}

public sealed record OrderLineResponse(int ProductId, string ProductName, decimal UnitPrice, int Quantity);

public sealed record AddressResponse(string FullName, string Street, string City, string PostalCode, string Country);
