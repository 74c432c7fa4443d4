namespace Shop.Catalog.Api.Apis;

public sealed record CatalogItemResponse(int Id, string Name, string Description, decimal Price, string Brand, string Type, int AvailableStock);
