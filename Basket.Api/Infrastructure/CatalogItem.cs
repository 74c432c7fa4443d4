namespace Shop.Basket.Api.Infrastructure;

/// <summary>The part of Catalog.Api's item JSON the basket reads; the other members are ignored.</summary>
public sealed record CatalogItem(int Id, string Name, decimal Price);
