using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Security;

/// <summary>Issues and validates buyer tokens: HMAC-SHA256 signed JWTs whose subject is the buyer id.</summary>
public sealed class BuyerTokens(IOptions<BuyerTokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(string buyerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerId);
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BuyerTokenOptions.Issuer,
            Audience = BuyerTokenOptions.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, buyerId)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.Lifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The buyer id of a valid token; null for an expired, forged or malformed one.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = BuyerTokenOptions.Issuer,
            ValidAudience = BuyerTokenOptions.Audience,
            IssuerSigningKey = SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                expires is { } end && end > time.GetUtcNow().UtcDateTime - parameters.ClockSkew
                && (notBefore is not { } start || start <= time.GetUtcNow().UtcDateTime + parameters.ClockSkew),
        });
        return result.IsValid && result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { Length: > 0 } buyerId
            ? buyerId
            : null;
    }

    /// <summary>HS256 needs a 256-bit key: hashing the configured secret gives exactly that, whatever its length.</summary>
    private SymmetricSecurityKey SigningKey => new(SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Key)));
}
