using System.ComponentModel.DataAnnotations;

namespace Shop.Basket.Api.Checkout;

/// <summary>Configuration section <c>Checkout</c>.</summary>
public sealed class CheckoutOptions
{
    public const string SectionName = "Checkout";

    /// <summary>How long a checkout waits for the broker to confirm the order before answering 503. Must stay well below
    /// <see cref="Infrastructure.CheckoutStore.LockLifetime"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
