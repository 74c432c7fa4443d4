using System.Globalization;
using Shop.Contracts;

namespace Shop.Basket.Api.Model;

/// <summary>A product in a basket, with the catalog price when the buyer last set its quantity: the basket shows when the
/// price has changed since. Stored as one hash field per product, <c>productId → "quantity|price"</c>.</summary>
public sealed record BasketLine(int ProductId, int Quantity, decimal PriceWhenAdded)
{
    public const int MinQuantity = Limits.MinQuantity;
    public const int MaxQuantity = Limits.MaxQuantity;

    /// <summary>A basket holds at most this many distinct products.</summary>
    public const int MaxLines = Limits.MaxLines;

    public static string FormatPrice(decimal price) => price.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>Null for a field this code did not write, which is skipped rather than failing the whole basket.</summary>
    public static BasketLine? Parse(string field, string value)
    {
        var separator = value.IndexOf('|', StringComparison.Ordinal);
        return separator > 0
            && int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var productId)
            && int.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
            && decimal.TryParse(value.AsSpan(separator + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
                ? new BasketLine(productId, quantity, price)
                : null;
    }
}
