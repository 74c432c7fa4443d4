using Microsoft.AspNetCore.Diagnostics;
using Shop.Security;
using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Endpoints;

/// <summary>The operators' way to the operator API (<c>/operator/…</c> → <c>/api/…</c>): deployed, catalog-api and
/// ordering-worker take traffic from inside their environment only, and the frontend is the one public endpoint. It
/// decides nothing itself and never holds the operator key: a request without <c>X-Operator-Key</c> is refused here
/// (401), any other is forwarded with the key to the service that owns the action, which checks it (403 when wrong)
/// and answers. Shoppers' cookies and buyer tokens are not forwarded.</summary>
public static class OperatorEndpoints
{
    public const string Prefix = "/operator";

    // Operator requests are small JSON bodies; the body is read whole, so a retry can send it again.
    private const int MaxBodyBytes = 64 * 1024;

    private const string CatalogClientName = "operator-catalog";
    private const string OrderingClientName = "operator-ordering";

    public static IServiceCollection AddOperatorForwarding(this IServiceCollection services)
    {
        services.AddHttpClient(CatalogClientName, client => client.BaseAddress = CatalogClient.BaseAddress);
        services.AddHttpClient(OrderingClientName, client => client.BaseAddress = OrderingClient.BaseAddress);
        return services;
    }

    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup(Prefix).ExcludeFromDescription().DisableAntiforgery();
        operations.MapPost("/catalog/items", (HttpContext context, IHttpClientFactory clients) => ForwardAsync(context, clients, CatalogClientName));
        operations.MapMethods("/catalog/items/{id:int}", ["PUT", "DELETE"], (HttpContext context, IHttpClientFactory clients) => ForwardAsync(context, clients, CatalogClientName));
        operations.MapPut("/catalog/items/{id:int}/stock", (HttpContext context, IHttpClientFactory clients) => ForwardAsync(context, clients, CatalogClientName));
        operations.MapPost("/orders/{id:guid}/ship", (HttpContext context, IHttpClientFactory clients) => ForwardAsync(context, clients, OrderingClientName));
        return app;
    }

    public static async Task ForwardAsync(HttpContext context, IHttpClientFactory clients, string clientName)
    {
        try
        {
            await SendAsync(context, clients, clientName);
        }
        catch (Exception ex) when (ServiceFailure.IsUnavailable(ex) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorEndpoints))
                .LogWarning(ex, "An operator request to {Service} failed", clientName);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The service is unavailable").ExecuteAsync(context);
        }
    }

    private static async Task SendAsync(HttpContext context, IHttpClientFactory clients, string clientName)
    {
        // The answer is the service's, body included: no HTML status page in its place.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        var cancellationToken = context.RequestAborted;
        if (!context.Request.Headers.TryGetValue(ShopAuth.OperatorKeyHeader, out var key) || string.IsNullOrEmpty(key))
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"The {ShopAuth.OperatorKeyHeader} header is missing")
                .ExecuteAsync(context);
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large").ExecuteAsync(context);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), "/api" + context.Request.Path.Value![Prefix.Length..]);
        request.Headers.TryAddWithoutValidation(ShopAuth.OperatorKeyHeader, (string?)key);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > MaxBodyBytes)
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large").ExecuteAsync(context);
            return;
        }

        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await clients.CreateClient(clientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } responseType)
        {
            context.Response.ContentType = responseType.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
