namespace Shop.Catalog.Api.Apis;

/// <summary>A brand or a type, as the filters of a listing name them.</summary>
public sealed record CatalogReferenceResponse(int Id, string Name);
