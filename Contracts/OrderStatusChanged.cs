namespace Shop.Contracts;

/// <summary>Published on every transition of an order. <see cref="Reason"/> says why an order was cancelled.</summary>
public sealed record OrderStatusChanged(Guid OrderId, string BuyerId, OrderStatus Status, string? Reason, DateTimeOffset At);

public enum OrderStatus
{
    Submitted,
    Paid,
    Cancelled,
    Shipped,
}
