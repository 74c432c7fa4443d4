using Shop.Contracts;
using Shop.Ordering.Worker.Model;

namespace Shop.Ordering.Worker.Workflow;

/// <summary>Builds the order an <c>OrderSubmitted</c> describes, refusing one that no order could be made of.</summary>
internal static class SubmittedOrder
{
    public static Order Create(OrderSubmitted message, DateTimeOffset now)
    {
        var problem = FindProblem(message);
        if (problem is not null)
        {
            throw new InvalidOrderException($"OrderSubmitted {message.OrderId} is invalid: {problem}");
        }

        return new Order
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
    }

    private static string? FindProblem(OrderSubmitted message) => message switch
    {
        { OrderId: var id } when id == Guid.Empty => "the order id is empty",
        { BuyerId: null or { Length: 0 or > 200 } } => "the buyer id is missing or too long",
        { Lines: null or { Count: 0 } } => "it has no lines",
        { ShippingAddress: null } => "it has no shipping address",
        { Payment: null } => "it has no payment method",
        { Payment.CardToken: null or { Length: 0 or > 100 } } => "the card token is missing or too long",
        { Payment.CardLast4: var last4 } when last4 is not { Length: 4 } || !last4.All(char.IsAsciiDigit) => "the card's last four digits are not four digits",
        _ when message.Lines.Any(line => line is null || line.Quantity <= 0 || line.UnitPrice < 0) => "a line has no positive quantity or a negative price",
        _ => null,
    };
}
