using Shop.Contracts;

namespace Shop.Ordering.Worker.Model;

/// <summary>An order and its place in the workflow. Its id is Basket's, so the same checkout recorded twice is one
/// order. Status changes only through the Try… methods, which refuse what the workflow does not allow.</summary>
public sealed class Order
{
    public required Guid Id { get; init; }

    public required string BuyerId { get; init; }

    public OrderStatus Status { get; private set; } = OrderStatus.Submitted;

    public CancelReason? CancelReason { get; private set; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the status last changed; the <c>At</c> of the status change it published.</summary>
    public required DateTimeOffset UpdatedAt { get; set; }

    public required decimal Total { get; init; }

    public required Address ShippingAddress { get; init; }

    /// <summary>The payment gateway's token for the card; the card number itself never reaches this service.</summary>
    public required string CardToken { get; init; }

    public required string CardLast4 { get; init; }

    /// <summary>The gateway's charge, once paid.</summary>
    public string? PaymentId { get; private set; }

    public List<OrderLine> Lines { get; init; } = [];

    public string? Reason => CancelReason?.Describe();

    public Transition TryPay(string paymentId, DateTimeOffset at)
    {
        var transition = Decide(Status is OrderStatus.Submitted, Status is OrderStatus.Paid);
        if (transition is Transition.Applied)
        {
            PaymentId = paymentId;
            Change(OrderStatus.Paid, at);
        }

        return transition;
    }

    /// <summary>Only an order not yet paid can be cancelled; cancelling again for the same reason changes nothing.</summary>
    public Transition TryCancel(CancelReason reason, DateTimeOffset at)
    {
        var transition = Decide(Status is OrderStatus.Submitted, Status is OrderStatus.Cancelled && CancelReason == reason);
        if (transition is Transition.Applied)
        {
            CancelReason = reason;
            Change(OrderStatus.Cancelled, at);
        }

        return transition;
    }

    public Transition TryShip(DateTimeOffset at)
    {
        var transition = Decide(Status is OrderStatus.Paid, Status is OrderStatus.Shipped);
        if (transition is Transition.Applied)
        {
            Change(OrderStatus.Shipped, at);
        }

        return transition;
    }

    private static Transition Decide(bool allowed, bool alreadyThere) =>
        allowed ? Transition.Applied : alreadyThere ? Transition.AlreadyDone : Transition.Refused;

    private void Change(OrderStatus status, DateTimeOffset at)
    {
        Status = status;
        UpdatedAt = at;
    }
}
