using Shop.Contracts;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>OrderSubmitted messages as Basket.Api sends them, paid with the simulated gateway's test cards.</summary>
internal static class TestOrders
{
    public const string ApprovedCard = "4242";
    public const string DeclinedCard = "0002";
    public const string FailsOnceCard = "9995";

    public static OrderSubmitted Submitted(string buyerId, string cardLast4, params (int ProductId, int Quantity)[] lines) => new(
        Guid.NewGuid(),
        buyerId,
        [.. lines.Select(line => new OrderLine(line.ProductId, $"Product {line.ProductId}", 10.50m, line.Quantity))],
        new ShippingAddress("Ada Shopper", "1 Test Street", "Testville", "12345", "NL"),
        new PaymentMethod($"tok_{Guid.NewGuid():N}", cardLast4, "Ada Shopper"),
        DateTimeOffset.UtcNow);

    public static string NewBuyer() => $"buyer-{Guid.NewGuid():N}";
}
