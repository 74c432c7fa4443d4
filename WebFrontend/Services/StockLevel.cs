namespace Shop.WebFrontend.Services;

public enum StockLevel
{
    InStock,
    Low,
    SoldOut,
}

public static class StockLevels
{
    /// <summary>At or below this many units a product shows "only N left".</summary>
    public const int LowThreshold = 5;

    public static StockLevel Of(int availableStock) => availableStock switch
    {
        <= 0 => StockLevel.SoldOut,
        <= LowThreshold => StockLevel.Low,
        _ => StockLevel.InStock,
    };
}
