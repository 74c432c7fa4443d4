using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Model;
using Shop.Ordering.Worker.Workflow;
using Shop.Security;

namespace Shop.Ordering.Worker.Apis;

/// <summary>A buyer's orders (buyer token), the claim of an anonymous buyer's orders after sign-in, and the operator's ship
/// (operator key). Another buyer's order is a 404, never a 403: its existence is not disclosed.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTags("Orders");

        api.MapGet("/", ListOrdersAsync)
            .WithName("ListOrders")
            .WithSummary("Lists the buyer's orders, newest first")
            .RequireAuthorization(ShopAuth.BuyerPolicy);

        api.MapGet("/{id:guid}", GetOrderAsync)
            .WithName("GetOrder")
            .WithSummary("Gets one of the buyer's orders")
            .RequireAuthorization(ShopAuth.BuyerPolicy);

        api.MapPost("/{id:guid}/cancel", CancelOrderAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancels one of the buyer's orders that is not yet paid")
            .RequireAuthorization(ShopAuth.BuyerPolicy);

        api.MapPost("/claim", ClaimOrdersAsync)
            .WithName("ClaimOrders")
            .WithSummary("Moves every order of the anonymous buyer named by fromBuyerToken to the bearer (after sign-in); a repeat claims 0")
            .RequireAuthorization(ShopAuth.BuyerPolicy);

        api.MapPost("/{id:guid}/ship", ShipOrderAsync)
            .WithName("ShipOrder")
            .WithSummary("Marks a paid order as shipped (operators only)")
            .RequireAuthorization(ShopAuth.OperatorPolicy);

        return app;
    }

    public static async Task<Results<Ok<PaginatedItems<OrderResponse>>, ValidationProblem>> ListOrdersAsync(
        [AsParameters] PaginationRequest pagination, ClaimsPrincipal user, OrderingContext db, CancellationToken cancellationToken)
    {
        if (pagination.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var buyerId = user.GetBuyerId();
        var orders = db.Orders.AsNoTracking().Where(order => order.BuyerId == buyerId);
        var count = await orders.LongCountAsync(cancellationToken);
        var page = await orders
            .OrderByDescending(order => order.SubmittedAt)
            .ThenBy(order => order.Id)
            .Skip(pagination.PageIndex * pagination.PageSize)
            .Take(pagination.PageSize)
            .Include(order => order.Lines)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new PaginatedItems<OrderResponse>(
            pagination.PageIndex, pagination.PageSize, count, [.. page.Select(OrderResponse.From)]));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrderAsync(
        Guid id, ClaimsPrincipal user, OrderingContext db, CancellationToken cancellationToken)
    {
        var buyerId = user.GetBuyerId();
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == id && o.BuyerId == buyerId, cancellationToken);

        return order is null ? NotFound(id) : TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrderAsync(
        Guid id, ClaimsPrincipal user, OrderWorkflow workflow, CancellationToken cancellationToken) =>
        Answer(id, await workflow.CancelAsync(id, user.GetBuyerId(), cancellationToken), "cancelled", "Only an order that is not yet paid can be cancelled.");

    public static async Task<Results<Ok<ClaimResponse>, ValidationProblem>> ClaimOrdersAsync(
        BuyerTransferRequest request, ClaimsPrincipal user, BuyerTokens tokens, OrderClaims claims, CancellationToken cancellationToken)
    {
        var (fromBuyerId, problem) = await request.ValidateAsync(tokens, user);
        return fromBuyerId is null
            ? problem!
            : TypedResults.Ok(new ClaimResponse(await claims.ClaimAsync(fromBuyerId, user.GetBuyerId(), cancellationToken)));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ShipOrderAsync(
        Guid id, OrderWorkflow workflow, CancellationToken cancellationToken) =>
        Answer(id, await workflow.ShipAsync(id, cancellationToken), "shipped", "Only a paid order can be shipped.");

    /// <summary>Applied or already done (a repeated request) is 200 with the order; refused is 409.</summary>
    private static Results<Ok<OrderResponse>, ProblemHttpResult> Answer(
        Guid id, (Transition Transition, Order Order)? change, string verb, string rule)
    {
        if (change is not var (transition, order))
        {
            return NotFound(id);
        }

        return transition is Transition.Refused
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"The order cannot be {verb}",
                detail: $"Order {id} is {order.Status}{(order.Reason is { } reason ? $" ({reason})" : "")}. {rule}")
            : TypedResults.Ok(OrderResponse.From(order));
    }

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {id}.");
}
