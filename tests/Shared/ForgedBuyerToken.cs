using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Security;

namespace Shop.Tests.Hostile;

/// <summary>A correctly signed buyer token with any subject at all, as someone holding the key could make: BuyerTokens
/// itself refuses to issue one for a subject no service could store.</summary>
public static class ForgedBuyerToken
{
    public static string WithSubject(string signingKey, string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = BuyerTokenOptions.Issuer,
        Audience = BuyerTokenOptions.Audience,
        Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject)]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(signingKey))), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>Subjects that no service can store: control characters, too long, padded. (A lone surrogate cannot be
    /// sent: the token's UTF-8 turns it into U+FFFD.)</summary>
    public static readonly IReadOnlyList<string> HostileSubjects =
        ["buyer\u0000nul", new string('b', 260), new string('b', 201), "line\nbreak", " padded ", "\u0007", "del\u007f"];
}
