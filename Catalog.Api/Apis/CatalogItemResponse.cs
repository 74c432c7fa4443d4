using System.Globalization;

namespace Shop.Catalog.Api.Apis;

/// <summary>A catalog item as every client sees it. <see cref="ImageUrl"/> is relative to the catalog's address.</summary>
public sealed record CatalogItemResponse(
    int Id, string Name, string Description, decimal Price, int BrandId, string Brand, int TypeId, string Type, int AvailableStock)
{
    public string ImageUrl => string.Create(CultureInfo.InvariantCulture, $"/api/catalog/items/{Id}/image");
}
