using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Images;
using Shop.Catalog.Api.Infrastructure;

namespace Shop.Catalog.Api.Apis;

/// <summary>Product pictures. Browsers and proxies keep them for an hour, then revalidate with the ETag and get a 304
/// while the picture is unchanged.</summary>
public static class CatalogImagesApi
{
    private const string CacheControl = "public, max-age=3600";

    // An SVG may hold script: these keep a browser from running any, should one ever get into a picture.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    private static readonly Func<CatalogContext, int, CancellationToken, Task<ImageSubject?>> _subjectAsync =
        EF.CompileAsyncQuery((CatalogContext context, int id, CancellationToken _) => context.Products.AsNoTracking()
            .Where(product => product.Id == id)
            .Select(product => new ImageSubject(product.Name, product.Brand.Name, product.Type.Name))
            .SingleOrDefault());

    public static IEndpointRouteBuilder MapCatalogImagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/catalog").WithTags("Catalog")
            .MapGet("/items/{id:int}/image", GetItemImageAsync)
            .WithName("GetItemImage")
            .WithSummary("Gets a catalog item's picture (SVG), with a strong ETag; If-None-Match answers 304 when unchanged")
            .Produces(StatusCodes.Status200OK, contentType: ProductImage.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The file result compares If-None-Match with the ETag and answers 304 itself.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetItemImageAsync(
        int id, CatalogContext context, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await _subjectAsync(context, id, cancellationToken) is not { } subject)
        {
            return CatalogApi.ItemNotFound(id);
        }

        var image = ProductImage.Render(subject.Name, subject.Brand, subject.Type);
        response.Headers.CacheControl = CacheControl;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(image.Content, ProductImage.ContentType, entityTag: image.ETag);
    }

    private sealed record ImageSubject(string Name, string Brand, string Type);
}
