using System.ComponentModel.DataAnnotations;

namespace Shop.WebFrontend.Checkout;

/// <summary>13 to 19 digits (spaces and dashes allowed between them) that pass the Luhn check: the same rule Basket.Api
/// applies, checked here first so the shopper hears about a typo next to the field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CardNumberAttribute() : ValidationAttribute("Enter a valid card number: 13 to 19 digits.")
{
    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || IsValidNumber(text);

    public static string Normalize(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static bool IsValidNumber(string text)
    {
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-')))
        {
            return false;
        }

        var digits = Normalize(text);
        return digits.Length is >= 13 and <= 19 && PassesLuhn(digits);
    }

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
