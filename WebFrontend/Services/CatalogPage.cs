namespace Shop.WebFrontend.Services;

public sealed record CatalogPage(int PageIndex, int PageSize, long Count, IReadOnlyList<CatalogItem> Data);
