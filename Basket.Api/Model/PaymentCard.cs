using System.Security.Cryptography;
using Shop.Contracts;

namespace Shop.Basket.Api.Model;

/// <summary>Card checks, and the token that travels instead of the card: the number never leaves this service, and is
/// neither stored nor logged.</summary>
public static class PaymentCard
{
    /// <summary>13–19 digits (spaces and dashes between groups allowed) with a valid Luhn check digit.</summary>
    public static bool IsValidNumber(string? number) => CardNumber.IsValid(number);

    public static bool IsValidCvc(string? cvc) => cvc is { Length: 3 or 4 } && cvc.All(char.IsAsciiDigit);

    /// <summary>A card is good through the last day of its expiry month.</summary>
    public static bool HasExpired(int year, int month, DateTimeOffset now) => (year * 12) + month < (now.UtcDateTime.Year * 12) + now.UtcDateTime.Month;

    /// <summary>What the payment gateway would return for the card; here a random token, plus the last four digits the
    /// buyer recognises their card by.</summary>
    public static PaymentMethod Tokenize(string number, string cardHolder)
    {
        var digits = CardNumber.Digits(number);
        return new PaymentMethod($"tok_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}", digits[^4..], cardHolder.Trim());
    }
}
