namespace Shop.Catalog.Api.Apis;

/// <summary>The stock an operator counted: it replaces the available quantity.</summary>
public sealed record StockRequest(int? AvailableStock)
{
    public const int MaxStock = 1_000_000;

    public const string Rule = "availableStock is required and must be between 0 and 1000000.";

    public static bool IsValid(int stock) => stock is >= 0 and <= MaxStock;

    public Dictionary<string, string[]> Validate() => AvailableStock is { } stock && IsValid(stock)
        ? []
        : new() { ["availableStock"] = [Rule] };
}
