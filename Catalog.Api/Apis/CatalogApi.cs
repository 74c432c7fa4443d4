using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Search;

namespace Shop.Catalog.Api.Apis;

/// <summary>The public, read-only catalog: listings (filtered, searched, sorted, paged), items, brands and types.</summary>
public static class CatalogApi
{
    public const int MaxIdsPerRequest = 100;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog");

        api.MapGet("/items", GetItemsAsync)
            .WithName("ListItems")
            .WithSummary("Lists catalog items one page at a time, optionally by brand, type or search words");

        api.MapGet("/items/{id:int}", GetItemByIdAsync)
            .WithName("GetItem")
            .WithSummary("Gets one catalog item")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/items/by", GetItemsByIdsAsync)
            .WithName("GetItemsByIds")
            .WithSummary($"Gets the catalog items with the given comma-separated ids (at most {MaxIdsPerRequest}); unknown ids are left out");

        api.MapGet("/brands", GetBrandsAsync)
            .WithName("ListBrands")
            .WithSummary("Lists the brands by name");

        api.MapGet("/types", GetTypesAsync)
            .WithName("ListTypes")
            .WithSummary("Lists the product types by name");

        return app;
    }

    public static async Task<Results<Ok<PaginatedItems<CatalogItemResponse>>, ValidationProblem>> GetItemsAsync(
        [AsParameters] PaginationRequest pagination, [AsParameters] CatalogItemsFilter filter, CatalogContext context, SearchVocabulary vocabulary,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        pagination.Validate(errors);
        filter.Validate(errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var search = filter.Search is { } typed ? await vocabulary.TermsAsync(typed, cancellationToken) : null;
        var products = CatalogItemQueries.Filtered(context, filter, search);
        var page = search is null
            ? await CatalogItemQueries.BrowseAsync(context, filter, pagination, cancellationToken)
            : await CatalogItemQueries.SearchAsync(context, filter, search, pagination, cancellationToken);

        // Every row carries the count; only a page past the end (or of nothing) needs a query of its own for it.
        var count = page.Count > 0 ? page[0].Count
            : pagination.Skip == 0 ? 0
            : await products.LongCountAsync(cancellationToken);

        return TypedResults.Ok(new PaginatedItems<CatalogItemResponse>(pagination.PageIndex, pagination.PageSize, count, [.. page.Select(row => row.Item)]));
    }

    public static async Task<Results<Ok<CatalogItemResponse>, ProblemHttpResult>> GetItemByIdAsync(
        int id, CatalogContext context, CancellationToken cancellationToken)
    {
        var item = await CatalogItemQueries.ByIdAsync(context, id, cancellationToken);
        return item is null ? ItemNotFound(id) : TypedResults.Ok(item);
    }

    /// <summary>In the order asked for, each item once.</summary>
    public static async Task<Results<Ok<List<CatalogItemResponse>>, ValidationProblem>> GetItemsByIdsAsync(
        [FromQuery(Name = "ids")] string? ids, CatalogContext context, CancellationToken cancellationToken)
    {
        if (!TryParseIds(ids, out var parsed, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error] });
        }

        var found = new Dictionary<int, CatalogItemResponse>();
        await foreach (var item in CatalogItemQueries.ByIds(context, parsed).WithCancellation(cancellationToken))
        {
            found[item.Id] = item;
        }

        return TypedResults.Ok(parsed.Where(found.ContainsKey).Select(id => found[id]).ToList());
    }

    public static async Task<Ok<List<CatalogReferenceResponse>>> GetBrandsAsync(CatalogContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await context.Brands.AsNoTracking()
            .OrderBy(brand => brand.Name)
            .Select(brand => new CatalogReferenceResponse(brand.Id, brand.Name))
            .ToListAsync(cancellationToken));

    public static async Task<Ok<List<CatalogReferenceResponse>>> GetTypesAsync(CatalogContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await context.ProductTypes.AsNoTracking()
            .OrderBy(type => type.Name)
            .Select(type => new CatalogReferenceResponse(type.Id, type.Name))
            .ToListAsync(cancellationToken));

    public static ProblemHttpResult ItemNotFound(int id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Catalog item not found",
        detail: string.Create(CultureInfo.InvariantCulture, $"There is no catalog item with id {id}."));

    private static bool TryParseIds(string? ids, out int[] parsed, out string error)
    {
        parsed = [];
        error = "";
        var parts = (ids ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            error = "ids must list at least one item id, such as ids=1,2,3.";
            return false;
        }

        var distinct = new List<int>();
        var seen = new HashSet<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                error = "ids must be positive whole numbers separated by commas.";
                return false;
            }

            if (seen.Add(id))
            {
                distinct.Add(id);
            }
        }

        if (distinct.Count > MaxIdsPerRequest)
        {
            error = $"ids may list at most {MaxIdsPerRequest} item ids.";
            return false;
        }

        parsed = [.. distinct];
        return true;
    }
}
