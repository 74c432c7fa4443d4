using Microsoft.AspNetCore.Mvc;
using Shop.Catalog.Api.Search;

namespace Shop.Catalog.Api.Apis;

/// <summary>What a listing shows and in which order: an optional brand, type and search, and a sort.</summary>
public sealed record CatalogItemsFilter(
    [FromQuery(Name = "brandId")] int? BrandId = null,
    [FromQuery(Name = "typeId")] int? TypeId = null,
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "sort")] string? Sort = null)
{
    /// <summary>The search, if <see cref="Q"/> holds one (blank means none); call after <see cref="Validate"/>.</summary>
    public CatalogSearch? Search => CatalogSearch.TryParse(Q, out var search, out _) ? search : null;

    /// <summary>The requested order, or the default: relevance with a search, name without; call after <see cref="Validate"/>.</summary>
    public CatalogSort Order => Sort is { Length: > 0 } name && CatalogSortNames.TryParse(name, out var sort)
        ? sort
        : string.IsNullOrWhiteSpace(Q) ? CatalogSort.Name : CatalogSort.Relevance;

    /// <summary>Adds an error per bad parameter, keyed by its query-string name.</summary>
    public void Validate(Dictionary<string, string[]> errors)
    {
        if (BrandId is < 1)
        {
            errors["brandId"] = ["brandId must be a positive brand id."];
        }

        if (TypeId is < 1)
        {
            errors["typeId"] = ["typeId must be a positive type id."];
        }

        if (!CatalogSearch.TryParse(Q, out _, out var searchError))
        {
            errors["q"] = [searchError];
        }

        if (Sort is { Length: > 0 } sort && !CatalogSortNames.TryParse(sort, out _))
        {
            errors["sort"] = [$"sort must be one of {string.Join(", ", CatalogSortNames.All)}."];
        }
    }
}
