using System.Globalization;

namespace Shop.WebFrontend.Components;

/// <summary>How the shop writes money and dates: one place, one culture (the catalog prices in US dollars).</summary>
public static class Format
{
    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    public static string Money(decimal amount) => amount.ToString("$#,0.00", _culture);

    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", _culture);

    public static string Number(int value) => value.ToString(_culture);
}
