using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Model;

namespace Shop.Catalog.Api.Apis;

public static class CatalogApi
{
    private static readonly Expression<Func<Product, CatalogItemResponse>> _toResponse = product => new CatalogItemResponse(
        product.Id, product.Name, product.Description, product.Price, product.Brand.Name, product.Type.Name, product.AvailableStock);

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog");

        api.MapGet("/items", GetItemsAsync)
            .WithName("ListItems")
            .WithSummary("Lists catalog items by name, one page at a time");

        api.MapGet("/items/{id:int}", GetItemByIdAsync)
            .WithName("GetItem")
            .WithSummary("Gets one catalog item")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<PaginatedItems<CatalogItemResponse>>, ValidationProblem>> GetItemsAsync(
        [AsParameters] PaginationRequest pagination, CatalogContext context, CancellationToken cancellationToken)
    {
        if (pagination.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var products = context.Products.AsNoTracking();
        var count = await products.LongCountAsync(cancellationToken);
        var page = await products
            .OrderBy(product => product.Name)
            .ThenBy(product => product.Id)
            .Skip(pagination.PageIndex * pagination.PageSize)
            .Take(pagination.PageSize)
            .Select(_toResponse)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new PaginatedItems<CatalogItemResponse>(pagination.PageIndex, pagination.PageSize, count, page));
    }

    public static async Task<Results<Ok<CatalogItemResponse>, ProblemHttpResult>> GetItemByIdAsync(
        int id, CatalogContext context, CancellationToken cancellationToken)
    {
        var item = await context.Products.AsNoTracking()
            .Where(product => product.Id == id)
            .Select(_toResponse)
            .SingleOrDefaultAsync(cancellationToken);

        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Catalog item not found", detail: $"There is no catalog item with id {id}.")
            : TypedResults.Ok(item);
    }
}
