using Shop.Basket.Api.Model;
using Shop.Contracts;

namespace Shop.Basket.Api.Apis;

/// <summary>The body of <c>POST /api/basket/checkout</c>. Members are nullable so that a missing one is reported by name
/// rather than as a body that does not parse.</summary>
public sealed record CheckoutRequest(ShippingAddressRequest? ShippingAddress, PaymentRequest? Payment)
{
    /// <summary>Errors keyed by JSON path (<c>payment.cardNumber</c>); empty when valid. No message repeats a card
    /// number or CVC.</summary>
    public Dictionary<string, string[]> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (ShippingAddress is null)
        {
            errors["shippingAddress"] = ["A shipping address is required."];
        }
        else
        {
            ShippingAddress.Validate(errors);
        }

        if (Payment is null)
        {
            errors["payment"] = ["Payment details are required."];
        }
        else
        {
            Payment.Validate(errors, now);
        }

        return errors;
    }
}

public sealed record ShippingAddressRequest(string? FullName, string? Street, string? City, string? PostalCode, string? Country)
{
    internal void Validate(Dictionary<string, string[]> errors)
    {
        Require(errors, "shippingAddress.fullName", "The full name", FullName, Limits.FullNameLength);
        Require(errors, "shippingAddress.street", "The street", Street, Limits.StreetLength);
        Require(errors, "shippingAddress.city", "The city", City, Limits.CityLength);
        Require(errors, "shippingAddress.postalCode", "The postal code", PostalCode, Limits.PostalCodeLength);
        Require(errors, "shippingAddress.country", "The country", Country, Limits.CountryLength);
    }

    internal static void Require(Dictionary<string, string[]> errors, string field, string label, string? value, int maxLength)
    {
        if (BoundaryText.Problem(label, value, maxLength) is { } problem)
        {
            errors[field] = [problem];
        }
    }
}

public sealed record PaymentRequest(string? CardNumber, string? CardHolder, int? ExpiryMonth, int? ExpiryYear, string? Cvc)
{
    internal void Validate(Dictionary<string, string[]> errors, DateTimeOffset now)
    {
        if (!PaymentCard.IsValidNumber(CardNumber))
        {
            errors["payment.cardNumber"] = ["The card number must be 13 to 19 digits and pass the Luhn check."];
        }

        ShippingAddressRequest.Require(errors, "payment.cardHolder", "The card holder", CardHolder, Limits.CardHolderLength);
        if (ExpiryMonth is not (>= 1 and <= 12))
        {
            errors["payment.expiryMonth"] = ["The expiry month must be between 1 and 12."];
        }

        if (ExpiryYear is not (>= 2000 and <= 2100))
        {
            errors["payment.expiryYear"] = ["The expiry year must be a four-digit year."];
        }
        else if (ExpiryMonth is >= 1 and <= 12 && PaymentCard.HasExpired(ExpiryYear.Value, ExpiryMonth.Value, now))
        {
            errors["payment.expiryYear"] = ["The card has expired."];
        }

        if (!PaymentCard.IsValidCvc(Cvc))
        {
            errors["payment.cvc"] = ["The CVC must be 3 or 4 digits."];
        }
    }
}

/// <summary>202 Accepted: the order was submitted; Ordering takes it from here.</summary>
public sealed record CheckoutResponse(Guid OrderId);
