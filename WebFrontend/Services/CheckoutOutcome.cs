namespace Shop.WebFrontend.Services;

/// <summary>What Basket.Api said to a checkout.</summary>
public abstract record CheckoutOutcome
{
    /// <summary>202: the order is submitted (or was already, for a repeated idempotency key).</summary>
    public sealed record Placed(Guid OrderId) : CheckoutOutcome;

    /// <summary>400: the request was refused; <see cref="ApiProblem.Errors"/> names the fields when there are any.</summary>
    public sealed record Refused(ApiProblem Problem) : CheckoutOutcome;

    /// <summary>5xx: nothing was placed and the basket is intact; the shopper may try again.</summary>
    public sealed record Unavailable : CheckoutOutcome;
}
