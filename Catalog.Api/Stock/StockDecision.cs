using Shop.Contracts;

namespace Shop.Catalog.Api.Stock;

/// <summary>Where an order's reservation stands, as stored in <c>stock_reservations</c>.</summary>
public enum ReservationStatus
{
    /// <summary>Every line was taken from stock.</summary>
    Reserved,

    /// <summary>Nothing was taken: <see cref="StockDecision.UnavailableLines"/> says why.</summary>
    Rejected,

    /// <summary>Reserved, then given back.</summary>
    Released,

    /// <summary>Released before it was ever reserved: a late ReserveStock for the order takes nothing.</summary>
    Cancelled,
}

/// <summary>The answer to an order's ReserveStock, the first time and on every redelivery.</summary>
public sealed record StockDecision(Guid OrderId, ReservationStatus Status, IReadOnlyList<UnavailableLine> UnavailableLines)
{
    /// <summary>Whether Ordering was told the stock is reserved; a later release does not change that answer.</summary>
    public bool IsReserved => Status is ReservationStatus.Reserved or ReservationStatus.Released;
}

/// <summary>What a ReleaseStock did.</summary>
public enum ReleaseOutcome
{
    /// <summary>The reserved quantities went back to stock: this happens once per order.</summary>
    Released,

    /// <summary>Nothing to give back: the reservation was rejected or already released.</summary>
    NothingHeld,

    /// <summary>No reservation yet: the order is marked so that a late ReserveStock takes nothing.</summary>
    CancelledBeforeReserving,
}
