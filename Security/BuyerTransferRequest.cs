using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shop.Security;

/// <summary>The body of the calls that move what an anonymous buyer has to the account a shopper signed in to (Basket.Api's
/// merge, Ordering.Worker's claim). The bearer token names the account; <see cref="FromBuyerToken"/> is the anonymous
/// buyer's own token, proof that the caller holds that buyer id, checked exactly as a bearer token is.</summary>
public sealed record BuyerTransferRequest(string? FromBuyerToken)
{
    public const string FieldName = "fromBuyerToken";

    /// <summary>The anonymous buyer's id, or a 400 naming <c>fromBuyerToken</c> when it is missing, invalid or expired, or
    /// names the bearer itself (moving a buyer's things onto themselves is a caller's mistake, never a request).</summary>
    public async Task<(string? FromBuyerId, ValidationProblem? Problem)> ValidateAsync(BuyerTokens tokens, ClaimsPrincipal bearer)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(bearer);
        if (string.IsNullOrWhiteSpace(FromBuyerToken))
        {
            return (null, Invalid("The buyer token of the anonymous buyer is required."));
        }

        var fromBuyerId = await tokens.ValidateAsync(FromBuyerToken);
        if (fromBuyerId is null)
        {
            return (null, Invalid("The buyer token is invalid or expired."));
        }

        return fromBuyerId == bearer.GetBuyerId()
            ? (null, Invalid("The buyer token names the signed-in buyer itself, not the anonymous buyer."))
            : (fromBuyerId, null);
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FieldName] = [message] });
}
