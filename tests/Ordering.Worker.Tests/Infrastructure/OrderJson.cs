namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>The order JSON as a client reads it (DESIGN's shared shape), independent of the worker's own DTOs.</summary>
public sealed record OrderJson(
    Guid OrderId,
    string Status,
    string? Reason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    decimal Total,
    IReadOnlyList<OrderLineJson> Lines,
    AddressJson ShippingAddress,
    string CardLast4);

public sealed record OrderLineJson(int ProductId, string ProductName, decimal UnitPrice, int Quantity);

public sealed record AddressJson(string FullName, string Street, string City, string PostalCode, string Country);

public sealed record OrderPageJson(int PageIndex, int PageSize, long Count, IReadOnlyList<OrderJson> Data);
