using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Messaging;
using Shop.Catalog.Api.Model;
using Shop.Security;

namespace Shop.Catalog.Api.Apis;

/// <summary>What operators change: products and their stock. Every endpoint needs the operator key (401 without it,
/// 403 with a wrong one). A price change writes a ProductPriceChanged event to the outbox in the same transaction.</summary>
public static class CatalogOperatorApi
{
    public static IEndpointRouteBuilder MapCatalogOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog")
            .WithTags("Catalog operations")
            .RequireAuthorization(ShopAuth.OperatorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/items", CreateItemAsync)
            .WithName("CreateItem")
            .WithSummary("Adds a product to the catalog");

        api.MapPut("/items/{id:int}", UpdateItemAsync)
            .WithName("UpdateItem")
            .WithSummary("Changes a product; leaving out availableStock keeps the stock as it is")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/items/{id:int}/stock", SetStockAsync)
            .WithName("SetStock")
            .WithSummary("Sets a product's available stock")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/items/{id:int}", DeleteItemAsync)
            .WithName("DeleteItem")
            .WithSummary("Removes a product from the catalog")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<CatalogItemResponse>, ValidationProblem>> CreateItemAsync(
        CatalogItemRequest request, CatalogContext context, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, context, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = new Product
        {
            Name = request.TrimmedName,
            Description = request.TrimmedDescription,
            Price = request.Price,
            BrandId = request.BrandId,
            TypeId = request.TypeId,
            AvailableStock = request.AvailableStock ?? 0,
        };
        context.Products.Add(product);
        await context.SaveChangesAsync(cancellationToken);

        var item = await CatalogItemQueries.ByIdAsync(context, product.Id, cancellationToken);
        return TypedResults.Created(ItemPath(product.Id), item);
    }

    public static async Task<Results<Ok<CatalogItemResponse>, ValidationProblem, ProblemHttpResult>> UpdateItemAsync(
        int id, CatalogItemRequest request, CatalogContext context, PriceChangeOutbox outbox, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, context, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The row lock makes the old price in the event the one this change replaced, even when operators race.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var product = await context.Products.FromSql($"SELECT * FROM products WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return CatalogApi.ItemNotFound(id);
        }

        var priceChanged = product.Price != request.Price;
        if (priceChanged)
        {
            context.PriceChanges.Add(new PriceChangeOutboxMessage
            {
                MessageId = Guid.CreateVersion7(),
                ProductId = id,
                OldPrice = product.Price,
                NewPrice = request.Price,
                ChangedAt = time.GetUtcNow(),
            });
        }

        product.Name = request.TrimmedName;
        product.Description = request.TrimmedDescription;
        product.Price = request.Price;
        product.BrandId = request.BrandId;
        product.TypeId = request.TypeId;
        product.AvailableStock = request.AvailableStock ?? product.AvailableStock;
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (priceChanged)
        {
            outbox.Notify();
        }

        return TypedResults.Ok((await CatalogItemQueries.ByIdAsync(context, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<CatalogItemResponse>, ValidationProblem, ProblemHttpResult>> SetStockAsync(
        int id, StockRequest request, CatalogContext context, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var updated = await context.Products.Where(product => product.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(product => product.AvailableStock, request.AvailableStock!.Value), cancellationToken);
        return updated == 0
            ? CatalogApi.ItemNotFound(id)
            : TypedResults.Ok((await CatalogItemQueries.ByIdAsync(context, id, cancellationToken))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItemAsync(int id, CatalogContext context, CancellationToken cancellationToken)
    {
        var deleted = await context.Products.Where(product => product.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? CatalogApi.ItemNotFound(id) : TypedResults.NoContent();
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(CatalogItemRequest request, CatalogContext context, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.ContainsKey("brandId") && !await context.Brands.AnyAsync(brand => brand.Id == request.BrandId, cancellationToken))
        {
            errors["brandId"] = [string.Create(CultureInfo.InvariantCulture, $"There is no brand with id {request.BrandId}.")];
        }

        if (!errors.ContainsKey("typeId") && !await context.ProductTypes.AnyAsync(type => type.Id == request.TypeId, cancellationToken))
        {
            errors["typeId"] = [string.Create(CultureInfo.InvariantCulture, $"There is no type with id {request.TypeId}.")];
        }

        return errors;
    }

    private static string ItemPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/api/catalog/items/{id}");
}
