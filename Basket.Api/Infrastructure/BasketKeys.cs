namespace Shop.Basket.Api.Infrastructure;

/// <summary>Redis keys, all derived from the buyer id of the token and nothing else, so no request can name another
/// buyer's data. The buyer id in braces is a hash tag: every key of a buyer lands in the same slot of a clustered Redis
/// (Azure Managed Redis), which the multi-key scripts need. Each kind of key has a namespace of its own before the
/// client's idempotency key, so no key a client picks names a key of another kind.</summary>
internal static class BasketKeys
{
    public static string Basket(string buyerId) => $"basket:{{{buyerId}}}";

    public static string Checkout(string buyerId, string idempotencyKey) => $"basket:{{{buyerId}}}:checkout-record:{idempotencyKey}";

    public static string CheckoutLock(string buyerId, string idempotencyKey) => $"basket:{{{buyerId}}}:checkout-lock:{idempotencyKey}";
}
