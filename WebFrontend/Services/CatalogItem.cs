namespace Shop.WebFrontend.Services;

/// <summary>The fields of a catalog item the storefront shows; other fields of the catalog's response are ignored.</summary>
public sealed record CatalogItem(int Id, string Name, decimal Price);
