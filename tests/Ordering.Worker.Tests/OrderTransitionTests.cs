using Shop.Contracts;
using Shop.Ordering.Worker.Model;

namespace Shop.Ordering.Worker.Tests;

/// <summary>The workflow's rules, on the entity alone.</summary>
public sealed class OrderTransitionTests
{
    private static readonly DateTimeOffset _at = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_submitted_order_can_be_paid_then_shipped()
    {
        var order = NewOrder();

        Assert.Equal(Transition.Applied, order.TryPay("ch_1", _at));
        Assert.Equal(Transition.Applied, order.TryShip(_at.AddHours(1)));

        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal("ch_1", order.PaymentId);
        Assert.Equal(_at.AddHours(1), order.UpdatedAt);
    }

    [Fact]
    public void An_order_not_yet_paid_cannot_be_shipped()
    {
        var order = NewOrder();

        Assert.Equal(Transition.Refused, order.TryShip(_at));
        Assert.Equal(OrderStatus.Submitted, order.Status);
    }

    [Fact]
    public void A_paid_order_cannot_be_cancelled_and_a_cancelled_one_cannot_be_paid()
    {
        var paid = NewOrder();
        paid.TryPay("ch_1", _at);
        var cancelled = NewOrder();
        cancelled.TryCancel(CancelReason.OutOfStock, _at);

        Assert.Equal(Transition.Refused, paid.TryCancel(CancelReason.CancelledByBuyer, _at));
        Assert.Equal(Transition.Refused, cancelled.TryPay("ch_2", _at));
        Assert.Equal((OrderStatus.Paid, (string?)null), (paid.Status, paid.Reason));
        Assert.Equal((OrderStatus.Cancelled, "out of stock"), (cancelled.Status, cancelled.Reason));
    }

    [Fact]
    public void Repeating_a_transition_changes_nothing_and_says_so()
    {
        var order = NewOrder();
        order.TryCancel(CancelReason.CancelledByBuyer, _at);

        Assert.Equal(Transition.AlreadyDone, order.TryCancel(CancelReason.CancelledByBuyer, _at.AddMinutes(1)));
        Assert.Equal(Transition.Refused, order.TryCancel(CancelReason.OutOfStock, _at.AddMinutes(1)));
        Assert.Equal(_at, order.UpdatedAt);
        Assert.Equal("cancelled by the shopper", order.Reason);
    }

    [Theory]
    [InlineData(CancelReason.OutOfStock, false)]
    [InlineData(CancelReason.PaymentDeclined, true)]
    [InlineData(CancelReason.CancelledByBuyer, true)]
    public void Only_a_cancel_after_a_possible_reservation_releases_stock(CancelReason reason, bool releases) =>
        Assert.Equal(releases, reason.MayHoldStock());

    private static Order NewOrder() => new()
    {
        Id = Guid.NewGuid(),
        BuyerId = "buyer",
        SubmittedAt = _at,
        UpdatedAt = _at,
        Total = 10m,
        ShippingAddress = new Address("Ada", "1 Street", "Town", "12345", "NL"),
        CardToken = "tok_1",
        CardLast4 = "4242",
    };
}
