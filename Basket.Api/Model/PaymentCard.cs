using System.Security.Cryptography;
using Shop.Contracts;

namespace Shop.Basket.Api.Model;

/// <summary>Card checks, and the token that travels instead of the card: the number never leaves this service, and is
/// neither stored nor logged.</summary>
public static class PaymentCard
{
    /// <summary>13–19 digits (spaces and dashes between groups allowed) with a valid Luhn check digit.</summary>
    public static bool IsValidNumber(string? number)
    {
        var digits = Digits(number);
        return digits.Length is >= 13 and <= 19 && PassesLuhn(digits);
    }

    public static bool IsValidCvc(string? cvc) => cvc is { Length: 3 or 4 } && cvc.All(char.IsAsciiDigit);

    /// <summary>A card is good through the last day of its expiry month.</summary>
    public static bool HasExpired(int year, int month, DateTimeOffset now) => (year * 12) + month < (now.UtcDateTime.Year * 12) + now.UtcDateTime.Month;

    /// <summary>What the payment gateway would return for the card; here a random token, plus the last four digits the
    /// buyer recognises their card by.</summary>
    public static PaymentMethod Tokenize(string number, string cardHolder)
    {
        var digits = Digits(number);
        return new PaymentMethod($"tok_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}", digits[^4..], cardHolder.Trim());
    }

    private static string Digits(string? number) =>
        number is null || number.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-'))
            ? ""
            : new string([.. number.Where(char.IsAsciiDigit)]);

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
