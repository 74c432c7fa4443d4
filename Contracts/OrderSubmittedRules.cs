using System.Globalization;

namespace Shop.Contracts;

/// <summary>Whether Ordering can record an <see cref="OrderSubmitted"/>. Basket.Api checks the order it is about to send
/// and Ordering.Worker the order it received, with this same code: a checkout is accepted only for an order that will
/// be recorded.</summary>
public static class OrderSubmittedRules
{
    /// <summary>Problems keyed by the message's JSON path (<c>shippingAddress.fullName</c>, <c>lines[2].unitPrice</c>);
    /// empty when the order can be recorded.</summary>
    public static Dictionary<string, string[]> Problems(OrderSubmitted order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new Dictionary<string, string[]>();
        if (order.OrderId == Guid.Empty)
        {
            problems["orderId"] = ["The order id is empty."];
        }

        Check(problems, "buyerId", "The buyer id", order.BuyerId, Limits.BuyerIdLength);
        CheckLines(problems, order.Lines);
        if (order.ShippingAddress is not { } address)
        {
            problems["shippingAddress"] = ["A shipping address is required."];
        }
        else
        {
            Check(problems, "shippingAddress.fullName", "The full name", address.FullName, Limits.FullNameLength);
            Check(problems, "shippingAddress.street", "The street", address.Street, Limits.StreetLength);
            Check(problems, "shippingAddress.city", "The city", address.City, Limits.CityLength);
            Check(problems, "shippingAddress.postalCode", "The postal code", address.PostalCode, Limits.PostalCodeLength);
            Check(problems, "shippingAddress.country", "The country", address.Country, Limits.CountryLength);
        }

        if (order.Payment is not { } payment)
        {
            problems["payment"] = ["Payment details are required."];
        }
        else
        {
            Check(problems, "payment.cardToken", "The card token", payment.CardToken, Limits.CardTokenLength);
            Check(problems, "payment.cardHolder", "The card holder", payment.CardHolder, Limits.CardHolderLength);
            if (payment.CardLast4 is not { Length: 4 } last4 || !last4.All(char.IsAsciiDigit))
            {
                problems["payment.cardLast4"] = ["The card's last four digits must be four digits."];
            }
        }

        return problems;
    }

    /// <summary>A price a <c>numeric(10, 2)</c> column holds exactly.</summary>
    public static bool IsValidPrice(decimal price) => price is > 0 and <= Limits.MaxPrice && decimal.Round(price, 2) == price;

    private static void CheckLines(Dictionary<string, string[]> problems, IReadOnlyList<OrderLine>? lines)
    {
        if (lines is not { Count: > 0 and <= Limits.MaxLines })
        {
            problems["lines"] = [$"An order has 1 to {Limits.MaxLines} lines."];
            return;
        }

        var total = 0m;
        for (var i = 0; i < lines.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            if (lines[i] is not { } line)
            {
                problems[path] = ["A line is missing."];
                continue;
            }

            if (line.ProductId <= 0)
            {
                problems[$"{path}.productId"] = ["The product id must be a positive number."];
            }

            Check(problems, $"{path}.productName", "The product name", line.ProductName, Limits.ProductNameLength);
            var validPrice = IsValidPrice(line.UnitPrice);
            if (!validPrice)
            {
                problems[$"{path}.unitPrice"] = [$"The unit price must be more than 0 and at most {Limits.MaxPrice}, in whole cents."];
            }

            var validQuantity = line.Quantity is >= Limits.MinQuantity and <= Limits.MaxQuantity;
            if (!validQuantity)
            {
                problems[$"{path}.quantity"] = [$"The quantity must be between {Limits.MinQuantity} and {Limits.MaxQuantity}."];
            }

            // Only bounded lines count (at most 100 × 99 × numeric(10, 2)), so the sum cannot overflow a decimal.
            if (validPrice && validQuantity)
            {
                total += line.UnitPrice * line.Quantity;
            }
        }

        if (total > Limits.MaxOrderTotal)
        {
            problems["total"] = [$"The order total must be at most {Limits.MaxOrderTotal.ToString("N2", CultureInfo.InvariantCulture)}."];
        }
    }

    private static void Check(Dictionary<string, string[]> problems, string path, string label, string? value, int maxLength)
    {
        if (BoundaryText.Problem(label, value, maxLength) is { } problem)
        {
            problems[path] = [problem];
        }
    }
}
