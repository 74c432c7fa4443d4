namespace Shop.WebFrontend.Services;

/// <summary>The outcome of changing the basket: done, or refused with a message the shopper can act on.</summary>
public sealed record BasketChange(string? RefusedBecause)
{
    public static readonly BasketChange Done = new((string?)null);

    public bool Succeeded => RefusedBecause is null;
}
