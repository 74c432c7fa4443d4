namespace Shop.Contracts;

/// <summary>The largest values the services store, taken from the columns that hold them. Every boundary checks against
/// these (a request where it enters, a message where it is consumed), so nothing is accepted that a later step cannot
/// store.</summary>
public static class Limits
{
    /// <summary><c>orders.buyer_id</c>; a buyer token's subject.</summary>
    public const int BuyerIdLength = 200;

    public const int FullNameLength = 100;
    public const int StreetLength = 200;
    public const int CityLength = 100;
    public const int PostalCodeLength = 20;
    public const int CountryLength = 60;
    public const int CardHolderLength = 100;

    /// <summary><c>orders.card_token</c>.</summary>
    public const int CardTokenLength = 100;

    /// <summary><c>products.name</c>, copied into <c>order_lines.product_name</c>.</summary>
    public const int ProductNameLength = 100;

    /// <summary><c>products.description</c>.</summary>
    public const int ProductDescriptionLength = 2000;

    /// <summary><c>numeric(10, 2)</c>: <c>products.price</c> and <c>order_lines.unit_price</c>.</summary>
    public const decimal MaxPrice = 99_999_999.99m;

    /// <summary><c>numeric(12, 2)</c>: <c>orders.total</c>. A full basket of the dearest products exceeds it.</summary>
    public const decimal MaxOrderTotal = 9_999_999_999.99m;

    /// <summary>Distinct products in a basket, and so lines in an order.</summary>
    public const int MaxLines = 100;

    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;

    /// <summary>A catalog search (<c>q</c>).</summary>
    public const int SearchLength = 100;

    /// <summary>A checkout's <c>Idempotency-Key</c>.</summary>
    public const int IdempotencyKeyLength = 100;
}
