namespace Shop.Basket.Api.Checkout;

/// <summary>The broker did not confirm the order in time (down, unreachable, or refusing it): it may not be queued.</summary>
public sealed class OrderNotSentException(string message, Exception innerException) : Exception(message, innerException);
