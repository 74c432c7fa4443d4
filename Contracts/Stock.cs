namespace Shop.Contracts;

/// <summary>Command to Catalog.Api: reserve every line for the order, or none.</summary>
public sealed record ReserveStock(Guid OrderId, IReadOnlyList<StockLine> Lines);

public sealed record StockLine(int ProductId, int Quantity);

/// <summary>All lines of the order are reserved.</summary>
public sealed record StockReserved(Guid OrderId);

/// <summary>Nothing was reserved: these lines could not be served.</summary>
public sealed record StockRejected(Guid OrderId, IReadOnlyList<UnavailableLine> UnavailableLines);

public sealed record UnavailableLine(int ProductId, int Requested, int Available);

/// <summary>Command to Catalog.Api: return the order's reservation to stock (exactly once).</summary>
public sealed record ReleaseStock(Guid OrderId);

/// <summary>Catalog.Api changed a product's price.</summary>
public sealed record ProductPriceChanged(int ProductId, decimal OldPrice, decimal NewPrice, DateTimeOffset ChangedAt);
