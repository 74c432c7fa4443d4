using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Endpoints;

/// <summary>Product images through the frontend (the only public endpoint), streamed from Catalog.Api with its caching
/// headers: the browser revalidates with If-None-Match and gets a 304 without the body.</summary>
public static class ProductImagesEndpoint
{
    private static readonly string[] _passedThrough = ["ETag", "Cache-Control", "Last-Modified", "Expires", "Vary"];

    public static string PathFor(int productId) => string.Create(CultureInfo.InvariantCulture, $"/catalog/images/{productId}");

    public static IEndpointRouteBuilder MapProductImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/catalog/images/{id:int}", ProxyImageAsync).WithName("ProductImage").ExcludeFromDescription();
        return app;
    }

    public static async Task ProxyImageAsync(int id, HttpContext context, CatalogClient catalog, ILogger<CatalogClient> logger)
    {
        // An image is not a page: a missing one stays a bare 404 instead of becoming the HTML error page.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        HttpResponseMessage upstream;
        try
        {
            upstream = await catalog.GetImageAsync(id, context.Request.Headers.IfNoneMatch.ToString(), context.RequestAborted);
        }
        catch (Exception ex) when (ServiceFailure.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "The image of product {ProductId} could not be read from the catalog", id);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (upstream)
        {
            context.Response.StatusCode = upstream.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.NotModified or HttpStatusCode.NotFound => (int)upstream.StatusCode,
                _ => StatusCodes.Status502BadGateway,
            };
            foreach (var name in _passedThrough)
            {
                if (upstream.Headers.TryGetValues(name, out var values) || upstream.Content.Headers.TryGetValues(name, out values))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            if (upstream.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            context.Response.ContentType = upstream.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            context.Response.ContentLength = upstream.Content.Headers.ContentLength;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await upstream.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
