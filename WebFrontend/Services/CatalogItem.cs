namespace Shop.WebFrontend.Services;

/// <summary>A catalog item as Catalog.Api returns it. The frontend shows its image through its own proxy
/// (<see cref="Endpoints.ProductImagesEndpoint"/>), so <c>imageUrl</c> is not read; a product with a photo
/// (<see cref="PhotoVersion"/>) shows that instead (<see cref="Endpoints.ProductPhotosEndpoint"/>).</summary>
public sealed record CatalogItem(
    int Id,
    string Name,
    string Description,
    decimal Price,
    int BrandId,
    string Brand,
    int TypeId,
    string Type,
    int AvailableStock,
    string? PhotoVersion = null)
{
    public StockLevel Stock => StockLevels.Of(AvailableStock);
}

public sealed record CatalogBrand(int Id, string Name);

public sealed record CatalogType(int Id, string Name);
