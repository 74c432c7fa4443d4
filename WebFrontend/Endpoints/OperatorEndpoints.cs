using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Shop.Contracts;
using Shop.Security;
using Shop.WebFrontend.Services;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Shop.WebFrontend.Endpoints;

/// <summary>The operators' way to the operator API (<c>/operator/…</c> → <c>/api/…</c>): deployed, catalog-api and
/// ordering-worker take traffic from inside their environment only, and the frontend is the one public endpoint. YARP's
/// forwarder streams each request to the service that owns the action (its address from service discovery). The
/// frontend decides nothing itself and never holds the operator key: a request without <c>X-Operator-Key</c> is refused
/// here (401), any other is forwarded with the key, and the service checks it (403 when wrong) and answers. Only the key
/// and the body's headers are forwarded: a shopper's cookies and buyer token stay here.</summary>
public static class OperatorEndpoints
{
    public const string Prefix = "/operator";

    private const string ApiPrefix = "/api";

    // Operator requests are small JSON bodies, but a photo, which the catalog limits (413 above 20 MB, by its
    // Content-Length, before a byte is stored).
    private const long MaxBodyBytes = 64 * 1024;

    private static readonly string[] _forwardedHeaders =
        [ShopAuth.OperatorKeyHeader, "Accept", "Content-Type", "Content-Length", "Expect", "traceparent", "tracestate"];

    public static IServiceCollection AddOperatorForwarding(this IServiceCollection services) => services.AddHttpForwarderWithServiceDiscovery();

    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup(Prefix).ExcludeFromDescription().DisableAntiforgery().AddEndpointFilter(OperatorOnlyAsync);
        var catalog = CatalogClient.BaseAddress.ToString();
        Forward(operations, "/catalog/items", catalog, MaxBodyBytes, HttpMethods.Post);
        Forward(operations, "/catalog/items/{id:int}", catalog, MaxBodyBytes, HttpMethods.Put, HttpMethods.Delete);
        Forward(operations, "/catalog/items/{id:int}/stock", catalog, MaxBodyBytes, HttpMethods.Put);
        Forward(operations, "/catalog/items/{id:int}/photo", catalog, MaxBodyBytes, HttpMethods.Get);
        Forward(operations, "/catalog/items/{id:int}/photo", catalog, PhotoStorage.MaxUploadBytes, HttpMethods.Put);
        Forward(operations, "/orders/{id:guid}/ship", OrderingClient.BaseAddress.ToString(), MaxBodyBytes, HttpMethods.Post);
        return app;
    }

    private static void Forward(RouteGroupBuilder operations, string pattern, string service, long maxBodyBytes, params string[] methods) =>
        operations.MapForwarder(pattern, service, ForwarderRequestConfig.Empty, transforms => transforms
                .AddRequestHeadersAllowed(_forwardedHeaders)
                .AddPathRemovePrefix(Prefix)
                .AddPathPrefix(ApiPrefix)
                .AddResponseTransform(LocateThroughFrontend))
            .WithMetadata(new HttpMethodMetadata(methods), new BodySizeLimit(maxBodyBytes));

    /// <summary>A Location the service gives (<c>/api/catalog/items/7/photo</c>) as the operator reaches it here.</summary>
    private static ValueTask LocateThroughFrontend(ResponseTransformContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        if (headers.Location.ToString() is var location && location.StartsWith(ApiPrefix + "/", StringComparison.Ordinal))
        {
            headers.Location = Prefix + location[ApiPrefix.Length..];
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Refuses a request without a key before anything is forwarded, and answers a service that cannot be
    /// reached with a 503 problem. Otherwise the answer is the service's, body included: no HTML status page in its
    /// place.</summary>
    private static async ValueTask<object?> OperatorOnlyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        if (string.IsNullOrEmpty(context.Request.Headers[ShopAuth.OperatorKeyHeader]))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"The {ShopAuth.OperatorKeyHeader} header is missing");
        }

        await next(invocation);
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted)
        {
            return null;
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorEndpoints))
            .LogWarning(failure.Exception, "An operator request {Method} {Path} failed: {Error}", context.Request.Method, context.Request.Path, failure.Error);
        return failure.Error is ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request arrived incomplete")
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The service is unavailable");
    }

    private sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
