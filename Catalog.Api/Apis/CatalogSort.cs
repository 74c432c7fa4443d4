namespace Shop.Catalog.Api.Apis;

/// <summary>The orders a listing can come in, by their query-string names.</summary>
public enum CatalogSort
{
    /// <summary>Best match first; the default with a search, and the same as <see cref="Name"/> without one.</summary>
    Relevance,
    Name,
    PriceAscending,
    PriceDescending,
}

public static class CatalogSortNames
{
    private static readonly Dictionary<string, CatalogSort> _byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = CatalogSort.Relevance,
        ["name"] = CatalogSort.Name,
        ["price_asc"] = CatalogSort.PriceAscending,
        ["price_desc"] = CatalogSort.PriceDescending,
    };

    public static IEnumerable<string> All => _byName.Keys;

    public static bool TryParse(string name, out CatalogSort sort) => _byName.TryGetValue(name, out sort);
}
