using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Shop.Contracts;

namespace Shop.WebFrontend.Endpoints;

/// <summary>Product photos' sizes through the frontend (the only public endpoint), read from the photos container. A
/// size's name holds the hash of its photo (<see cref="PhotoSizes"/>), so its content never changes: the name is a
/// strong ETag and browsers and CDNs may keep it for a year without asking again.</summary>
public static class ProductPhotosEndpoint
{
    private const string CacheControl = "public, max-age=31536000, immutable";

    public static string PathFor(string version, int width, string extension) => $"/catalog/photos/{PhotoSizes.BlobName(version, width, extension)}";

    public static IEndpointRouteBuilder MapProductPhotos(this IEndpointRouteBuilder app)
    {
        // HEAD too: caches and `curl -I` ask for the headers alone.
        app.MapMethods("/catalog/photos/{name}", [HttpMethods.Get, HttpMethods.Head], GetPhotoAsync).WithName("ProductPhoto").ExcludeFromDescription();
        return app;
    }

    public static async Task GetPhotoAsync(string name, HttpContext context, BlobServiceClient storage)
    {
        // A photo is not a page: a missing one stays a bare 404 instead of becoming the HTML error page.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        if (!PhotoSizes.IsBlobName(name))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var etag = new EntityTagHeaderValue($"\"{name}\"");
        var response = context.Response;
        if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var requested)
            && requested.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: true)))
        {
            SetCachingHeaders(response, etag);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        try
        {
            var blob = storage.GetBlobContainerClient(PhotoStorage.PhotosContainer).GetBlobClient(name);
            if (HttpMethods.IsHead(context.Request.Method))
            {
                SetContentHeaders(response, etag, name, (await blob.GetPropertiesAsync(cancellationToken: context.RequestAborted)).Value.ContentLength);
                return;
            }

            using var download = (await blob.DownloadStreamingAsync(cancellationToken: context.RequestAborted)).Value;
            SetContentHeaders(response, etag, name, download.Details.ContentLength);
            await download.Content.CopyToAsync(response.Body, context.RequestAborted);
        }
        catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status404NotFound)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static void SetContentHeaders(HttpResponse response, EntityTagHeaderValue etag, string name, long length)
    {
        SetCachingHeaders(response, etag);
        response.ContentType = name.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg";
        response.ContentLength = length;
        response.Headers.XContentTypeOptions = "nosniff";
    }

    private static void SetCachingHeaders(HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
    }
}
