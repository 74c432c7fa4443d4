using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Photos;
using Shop.Contracts;
using Shop.Security;

namespace Shop.Catalog.Api.Apis;

/// <summary>Operators upload a product's photo here. The body streams straight into the incoming container (never held
/// in memory), where its BlobCreated event wakes the photo processor; the status then follows the processor's answer.
/// Streaming through the catalog keeps one credential (the operator key) and hands out no storage key, where a SAS upload
/// URL would need an account key or a user-delegation key. Deployed, the service reaches storage as its own managed
/// identity, which may write to the incoming container only.</summary>
public static class CatalogPhotosApi
{
    public static IEndpointRouteBuilder MapCatalogPhotosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog/items/{id:int}/photo")
            .WithTags("Catalog operations")
            .RequireAuthorization(ShopAuth.OperatorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("", UploadPhotoAsync)
            .WithName("UploadPhoto")
            .WithSummary("Uploads a product's photo (JPEG, PNG or WebP, at most 20 MB, with a Content-Length); answers 202 while it is processed")
            .Accepts<Stream>("image/jpeg", "image/png", "image/webp", "application/octet-stream")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("", GetPhotoStatusAsync)
            .WithName("GetPhotoStatus")
            .WithSummary("A product's photo: the latest upload's status (processing, ready, rejected with a reason) and the version shown");
        return app;
    }

    public static async Task<Results<Accepted<PhotoStatusResponse>, ValidationProblem, ProblemHttpResult>> UploadPhotoAsync(
        int id, HttpRequest request, CatalogContext context, BlobServiceClient storage, CancellationToken cancellationToken)
    {
        if (request.ContentLength is not > 0 and var length)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Content-Length"] = [length is null ? "Send the photo with a Content-Length." : "The photo is empty."],
            });
        }

        if (request.ContentLength > PhotoStorage.MaxUploadBytes)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The photo is too large.",
                detail: string.Create(CultureInfo.InvariantCulture, $"Content-Length is {request.ContentLength} bytes; at most {PhotoStorage.MaxUploadBytes} (20 MB) are accepted."));
        }

        // The status first: the processor's answer may come back before the upload call returns.
        var uploadId = Guid.CreateVersion7();
        var updated = await context.Products.Where(product => product.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(product => product.PhotoUploadId, uploadId)
            .SetProperty(product => product.PhotoStatus, PhotoStatus.Processing)
            .SetProperty(product => product.PhotoRejection, (string?)null), cancellationToken);
        if (updated == 0)
        {
            return CatalogApi.ItemNotFound(id);
        }

        try
        {
            await storage.GetBlobContainerClient(PhotoStorage.IncomingContainer).GetBlobClient(string.Create(CultureInfo.InvariantCulture, $"{id}/{uploadId}"))
                .UploadAsync(request.Body, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = request.ContentType } }, cancellationToken);
        }
        catch (RequestFailedException)
        {
            await SetRejectedAsync(context, id, uploadId, "The upload did not reach storage; upload it again.", CancellationToken.None);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Photo storage is unavailable; try again.");
        }
        catch (Exception exception) when (exception is IOException or BadHttpRequestException)
        {
            // The client sent less than its Content-Length, or went away: nothing complete reached storage.
            await SetRejectedAsync(context, id, uploadId, "The upload was cut off before the whole photo arrived; upload it again.", CancellationToken.None);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The photo arrived incomplete.");
        }

        return TypedResults.Accepted(PhotoPath(id), (await StatusAsync(context, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<PhotoStatusResponse>, ProblemHttpResult>> GetPhotoStatusAsync(int id, CatalogContext context, CancellationToken cancellationToken) =>
        await StatusAsync(context, id, cancellationToken) is { } status ? TypedResults.Ok(status) : CatalogApi.ItemNotFound(id);

    /// <summary>Rejects the upload, unless a later one has replaced it.</summary>
    public static async Task SetRejectedAsync(CatalogContext context, int productId, Guid uploadId, string reason, CancellationToken cancellationToken) =>
        await context.Products.Where(product => product.Id == productId && product.PhotoUploadId == uploadId).ExecuteUpdateAsync(set => set
            .SetProperty(product => product.PhotoStatus, PhotoStatus.Rejected)
            .SetProperty(product => product.PhotoRejection, reason.Length > PhotoStatus.MaxReasonLength ? reason[..PhotoStatus.MaxReasonLength] : reason), cancellationToken);

    private static Task<PhotoStatusResponse?> StatusAsync(CatalogContext context, int id, CancellationToken cancellationToken) =>
        context.Products.AsNoTracking().Where(product => product.Id == id)
            .Select(product => new PhotoStatusResponse(product.PhotoUploadId, product.PhotoStatus, product.PhotoVersion, product.PhotoRejection))
            .SingleOrDefaultAsync(cancellationToken);

    private static string PhotoPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/api/catalog/items/{id}/photo");
}
