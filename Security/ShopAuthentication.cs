using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Security;

/// <summary>Names shared by the APIs: authentication schemes, authorization policies and claims.</summary>
public static class ShopAuth
{
    /// <summary>A shopper, by a buyer token in <c>Authorization: Bearer …</c>.</summary>
    public const string BuyerPolicy = "buyer";

    /// <summary>An operator, by the operator key in the <c>X-Operator-Key</c> header.</summary>
    public const string OperatorPolicy = "operator";

    public const string OperatorKeyHeader = "X-Operator-Key";

    internal const string BuyerScheme = "BuyerToken";
    internal const string OperatorScheme = "OperatorKey";
    internal const string OperatorClaim = "shop:operator";

    /// <summary>The buyer id of an authenticated shopper.</summary>
    public static string GetBuyerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request has no authenticated buyer.");
}

/// <summary>Accepts <c>Authorization: Bearer &lt;buyer token&gt;</c>; anything missing, expired or forged is a 401.</summary>
internal sealed class BuyerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BuyerTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var buyerId = await tokens.ValidateAsync(header["Bearer ".Length..].Trim());
        if (buyerId is null)
        {
            return AuthenticateResult.Fail("The buyer token is invalid or expired.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, buyerId)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}

/// <summary>The operator key in <c>X-Operator-Key</c>. No key is a 401; a wrong key authenticates a caller who is not
/// an operator, so the operator policy answers 403.</summary>
internal sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<OperatorOptions> operatorOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ShopAuth.OperatorKeyHeader, out var presented) || string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var isOperator = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented.ToString()), Encoding.UTF8.GetBytes(operatorOptions.Value.Key));
        var identity = new ClaimsIdentity([new Claim(ShopAuth.OperatorClaim, isOperator ? "true" : "false")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
