namespace Shop.WebFrontend.Services;

/// <summary>The body of Basket.Api's <c>POST /api/basket/checkout</c>. The card number goes to Basket.Api only, which
/// turns it into a token; the frontend neither stores nor logs it.</summary>
public sealed record CheckoutRequest(ShippingAddress ShippingAddress, PaymentDetails Payment);

public sealed record ShippingAddress(string FullName, string Street, string City, string PostalCode, string Country);

public sealed record PaymentDetails(string CardNumber, string CardHolder, int ExpiryMonth, int ExpiryYear, string Cvc);

public sealed record CheckoutAccepted(Guid OrderId);
