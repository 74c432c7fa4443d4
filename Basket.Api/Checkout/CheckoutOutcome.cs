namespace Shop.Basket.Api.Checkout;

/// <summary>How a checkout ended, for the API to answer.</summary>
public abstract record CheckoutOutcome
{
    /// <summary>Sent now, or by an earlier attempt with the same idempotency key.</summary>
    public sealed record Submitted(Guid OrderId) : CheckoutOutcome;

    public sealed record EmptyBasket : CheckoutOutcome;

    /// <summary>Another attempt with the same key is sending right now.</summary>
    public sealed record InProgress : CheckoutOutcome;

    /// <summary>Lines whose products the catalog no longer has.</summary>
    public sealed record UnavailableProducts(IReadOnlyList<int> ProductIds) : CheckoutOutcome;

    /// <summary>Ordering could not record this order (its total is too large, say): nothing was sent. Problems are keyed
    /// by the order's JSON path.</summary>
    public sealed record Unrecordable(Dictionary<string, string[]> Problems) : CheckoutOutcome;

    /// <summary>The broker did not confirm: nothing changed, and the same key may be retried.</summary>
    public sealed record BrokerUnavailable(Guid OrderId) : CheckoutOutcome;
}
