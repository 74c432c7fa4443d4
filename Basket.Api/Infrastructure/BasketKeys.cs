namespace Shop.Basket.Api.Infrastructure;

/// <summary>Redis keys, all derived from the buyer id of the token and nothing else, so no request can name another
/// buyer's data. The buyer id in braces is a hash tag: every key of a buyer lands in the same slot of a clustered Redis
/// (Azure Managed Redis), which the multi-key scripts need.</summary>
internal static class BasketKeys
{
    public static string Basket(string buyerId) => $"basket:{{{buyerId}}}";

    public static string Checkout(string buyerId, string idempotencyKey) => $"basket:{{{buyerId}}}:checkout:{idempotencyKey}";

    public static string CheckoutLock(string buyerId, string idempotencyKey) => $"basket:{{{buyerId}}}:checkout:{idempotencyKey}:lock";
}
