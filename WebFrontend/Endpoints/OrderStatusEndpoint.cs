using Microsoft.AspNetCore.Http.HttpResults;
using Shop.WebFrontend.Identity;
using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Endpoints;

/// <summary><c>GET /orders/{id}/status</c>: the current status of one of the shopper's orders, as JSON, for the order
/// page's script (wwwroot/js/order-status.js) to show status changes without a reload. Right after checkout the order
/// may not be recorded yet: asked with <c>?recording=true</c>, that is 202 (keep asking), not 404, so that a browser
/// following a just-placed order logs no failed request.</summary>
public static class OrderStatusEndpoint
{
    public static string PathFor(Guid orderId, bool recording = false) => $"/orders/{orderId}/status" + (recording ? "?recording=true" : "");

    public static IEndpointRouteBuilder MapOrderStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders/{id:guid}/status", GetStatusAsync).WithName("OrderStatus").ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<OrderStatusResponse>, Accepted, ProblemHttpResult>> GetStatusAsync(
        Guid id, HttpContext context, BuyerCookie buyer, OrderingClient ordering, ILogger<OrderingClient> logger, bool recording = false)
    {
        // A status is live data: never from a cache.
        context.Response.Headers.CacheControl = "no-store";
        if (buyer.Read(context) is not { } buyerId)
        {
            return NotFound();
        }

        try
        {
            var order = await ordering.GetAsync(buyerId, id, context.RequestAborted);
            if (order is null)
            {
                return recording ? TypedResults.Accepted((string?)null) : NotFound();
            }

            return TypedResults.Ok(new OrderStatusResponse(
                order.Status, order.Reason, order.UpdatedAt, order.CanCancel, OrderStatuses.IsFinal(order.Status)));
        }
        catch (Exception ex) when (ServiceFailure.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "The status of order {OrderId} could not be read", id);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Order status unavailable");
        }
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found");
}
