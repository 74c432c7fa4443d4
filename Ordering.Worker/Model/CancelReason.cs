namespace Shop.Ordering.Worker.Model;

public enum CancelReason
{
    OutOfStock,
    PaymentDeclined,
    CancelledByBuyer,

    /// <summary>The submitted order could not be recorded as it was (a value no column holds); see the worker's log.</summary>
    Unprocessable,
}

public static class CancelReasonExtensions
{
    /// <summary>The reason as shoppers read it, and as <c>OrderStatusChanged</c> carries it.</summary>
    public static string Describe(this CancelReason reason) => reason switch
    {
        CancelReason.OutOfStock => "out of stock",
        CancelReason.PaymentDeclined => "payment declined",
        CancelReason.CancelledByBuyer => "cancelled by the shopper",
        CancelReason.Unprocessable => "the order could not be processed",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Whether Catalog may hold stock for the order. A rejection reserved nothing, and an unprocessable order
    /// never asked; after a shopper's cancel a reservation may still arrive, so its release is sent regardless (Catalog
    /// releases each order at most once).</summary>
    public static bool MayHoldStock(this CancelReason reason) => reason is not (CancelReason.OutOfStock or CancelReason.Unprocessable);
}
