using System.Globalization;

namespace Shop.Catalog.Api.Apis;

/// <summary>A catalog item as every client sees it. <see cref="ImageUrl"/> (the generated picture) is relative to the
/// catalog's address. <see cref="PhotoVersion"/> names the photo's sizes (Contracts' PhotoSizes), null while the product
/// has none; <see cref="PhotoStatus"/> is the latest upload's: processing, ready or rejected.</summary>
public sealed record CatalogItemResponse(
    int Id, string Name, string Description, decimal Price, int BrandId, string Brand, int TypeId, string Type, int AvailableStock,
    string? PhotoVersion = null, string? PhotoStatus = null)
{
    public string ImageUrl => string.Create(CultureInfo.InvariantCulture, $"/api/catalog/items/{Id}/image");
}
