namespace Shop.Contracts;

/// <summary>The card-number rule shared by the frontend (to show a typo next to the field) and Basket.Api (which has
/// the last word): 13–19 digits, spaces and dashes allowed between them, with a valid Luhn check digit.</summary>
public static class CardNumber
{
    public static bool IsValid(string? number)
    {
        var digits = Digits(number);
        return digits.Length is >= 13 and <= 19 && PassesLuhn(digits);
    }

    /// <summary>The digits alone; empty when anything but digits, spaces and dashes is present.</summary>
    public static string Digits(string? number) =>
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
