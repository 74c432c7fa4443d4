using Shop.Contracts;
using Shop.Ordering.Worker.Model;

namespace Shop.Ordering.Worker.Workflow;

/// <summary>Builds the order an <c>OrderSubmitted</c> describes, or, for one that cannot be recorded as it is, the
/// cancelled order its shopper is shown instead.</summary>
internal static class SubmittedOrder
{
    /// <summary>Call only for a message <see cref="OrderSubmittedRules"/> finds no problem with.</summary>
    public static Order Create(OrderSubmitted message, DateTimeOffset now) => new()
    {
        Id = message.OrderId,
        BuyerId = message.BuyerId,
        SubmittedAt = message.SubmittedAt,
        UpdatedAt = now,
        Total = message.Lines.Sum(line => line.UnitPrice * line.Quantity),
        ShippingAddress = new Address(
            message.ShippingAddress.FullName,
            message.ShippingAddress.Street,
            message.ShippingAddress.City,
            message.ShippingAddress.PostalCode,
            message.ShippingAddress.Country),
        CardToken = message.Payment.CardToken,
        CardLast4 = message.Payment.CardLast4,
        Lines = [.. message.Lines.Select((line, index) => new Model.OrderLine
        {
            OrderId = message.OrderId,
            LineNumber = index + 1,
            ProductId = line.ProductId,
            ProductName = line.ProductName,
            UnitPrice = line.UnitPrice,
            Quantity = line.Quantity,
        })],
    };

    /// <summary>Only the order's identity is kept: any other value may be the one that cannot be stored. Null when not
    /// even that can be, and no shopper could ever be shown the order.</summary>
    public static Order? Unprocessable(OrderSubmitted message, DateTimeOffset now)
    {
        if (message.OrderId == Guid.Empty || message.BuyerId is null || BoundaryText.Problem("buyerId", message.BuyerId, Limits.BuyerIdLength) is not null)
        {
            return null;
        }

        var order = new Order
        {
            Id = message.OrderId,
            BuyerId = message.BuyerId,
            SubmittedAt = message.SubmittedAt,
            UpdatedAt = now,
            Total = 0m,
            ShippingAddress = new Address("", "", "", "", ""),
            CardToken = "",
            CardLast4 = "",
        };
        order.TryCancel(CancelReason.Unprocessable, now);
        return order;
    }
}
