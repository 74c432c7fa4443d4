using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Contracts;

namespace Shop.Security;

/// <summary>Issues and validates buyer tokens: HMAC-SHA256 signed JWTs whose subject is the buyer id.</summary>
public sealed class BuyerTokens
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    // Built once: every request of a buyer validates a token, and the token library caches its HMAC per key instance.
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _validation;

    public BuyerTokens(IOptions<BuyerTokenOptions> options, TimeProvider time)
    {
        _time = time;
        _lifetime = options.Value.Lifetime;

        // HS256 needs a 256-bit key: hashing the configured secret gives exactly that, whatever its length.
        var key = new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Key)));
        _signing = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = BuyerTokenOptions.Issuer,
            ValidAudience = BuyerTokenOptions.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                expires is { } end && end > _time.GetUtcNow().UtcDateTime - parameters.ClockSkew
                && (notBefore is not { } start || start <= _time.GetUtcNow().UtcDateTime + parameters.ClockSkew),
        };
    }

    public string Issue(string buyerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerId);
        if (!IsValidBuyerId(buyerId))
        {
            throw new ArgumentException("The buyer id is too long or holds characters no service could store.", nameof(buyerId));
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BuyerTokenOptions.Issuer,
            Audience = BuyerTokenOptions.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, buyerId)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            SigningCredentials = _signing,
        });
    }

    /// <summary>The buyer id of a valid token; null for an expired, forged or malformed one, and for one whose buyer id
    /// no service could store (too long, control characters): every request of such a buyer would fail later.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        return result.IsValid && result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } buyerId && IsValidBuyerId(buyerId)
            ? buyerId
            : null;
    }

    /// <summary>Exactly as stored: no surrounding white space either, which a stored id would lose or keep by accident.</summary>
    public static bool IsValidBuyerId(string buyerId) =>
        BoundaryText.Problem("buyer id", buyerId, Limits.BuyerIdLength) is null && buyerId.Trim().Length == buyerId.Length;
}
