using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shop.Basket.Api.Checkout;
using Shop.Basket.Api.Model;
using Shop.Contracts;
using Shop.Security;

namespace Shop.Basket.Api.Apis;

/// <summary><c>POST /api/basket/checkout</c>: submits the basket as an order, once per <c>Idempotency-Key</c>.</summary>
public static class CheckoutApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    internal static RouteGroupBuilder MapCheckoutApi(this RouteGroupBuilder api)
    {
        api.MapPost("/checkout", CheckOutAsync)
            .WithName("CheckOut")
            .WithSummary("Submits the basket as an order at current catalog prices; the same Idempotency-Key always means the same order");
        return api;
    }

    public static async Task<Results<Accepted<CheckoutResponse>, ValidationProblem, ProblemHttpResult>> CheckOutAsync(
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        CheckoutRequest request,
        ClaimsPrincipal user,
        CheckoutService checkout,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate(time.GetUtcNow());
        if (!IsValidIdempotencyKey(idempotencyKey))
        {
            errors[IdempotencyKeyHeader] =
                [$"The {IdempotencyKeyHeader} header is required: 1 to {Limits.IdempotencyKeyLength} letters, digits, '-', '_', '.' or ':', the same for retries of one checkout."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var address = request.ShippingAddress!;
        var card = request.Payment!;
        var outcome = await checkout.CheckOutAsync(
            user.GetBuyerId(),
            idempotencyKey!,
            new ShippingAddress(address.FullName!.Trim(), address.Street!.Trim(), address.City!.Trim(), address.PostalCode!.Trim(), address.Country!.Trim()),
            PaymentCard.Tokenize(card.CardNumber!, card.CardHolder!),
            cancellationToken);

        switch (outcome)
        {
            case CheckoutOutcome.Submitted submitted:
                return TypedResults.Accepted((string?)null, new CheckoutResponse(submitted.OrderId));
            case CheckoutOutcome.EmptyBasket:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The basket is empty", detail: "Add products before checking out.");
            case CheckoutOutcome.Unrecordable unrecordable:
                return TypedResults.ValidationProblem(unrecordable.Problems);
            case CheckoutOutcome.UnavailableProducts unavailable:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["lines"] = [$"The catalog no longer has products {string.Join(", ", unavailable.ProductIds)}; remove them from the basket."],
                });
            case CheckoutOutcome.InProgress:
                context.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "This checkout is already in progress",
                    detail: $"Another request with the same {IdempotencyKeyHeader} is submitting the order; retry shortly for its result.");
            default:
                context.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The order could not be submitted",
                    detail: $"The order service is unavailable. The basket is unchanged; retry with the same {IdempotencyKeyHeader}.");
        }
    }

    /// <summary>What a UUID, a ULID or a client's own scheme needs; nothing that could reach into other Redis keys
    /// (the keys' namespaces keep them apart anyway, see BasketKeys).</summary>
    private static bool IsValidIdempotencyKey(string? key) =>
        key is { Length: > 0 and <= Limits.IdempotencyKeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
