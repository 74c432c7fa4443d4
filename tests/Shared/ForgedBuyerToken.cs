using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Security;

namespace Shop.Tests.Hostile;

/// <summary>A correctly signed buyer token with any subject at all, as someone holding the key could make: BuyerTokens
/// itself refuses to issue one for a subject no service could store. And the tokens someone without the key could make.</summary>
public static class ForgedBuyerToken
{
    public static string WithSubject(string signingKey, string subject, DateTime? expires = null)
    {
        var end = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BuyerTokenOptions.Issuer,
            Audience = BuyerTokenOptions.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject)]),
            IssuedAt = end.AddMinutes(-5),
            NotBefore = end.AddMinutes(-5),
            Expires = end,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(signingKey))), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Subjects that no service can store: control characters, too long, padded. (A lone surrogate cannot be
    /// sent: the token's UTF-8 turns it into U+FFFD.)</summary>
    public static readonly IReadOnlyList<string> HostileSubjects =
        ["buyer\u0000nul", new string('b', 260), new string('b', 201), "line\nbreak", " padded ", "\u0007", "del\u007f"];

    /// <summary>The kinds of <c>fromBuyerToken</c> that the merge and the claim refuse, for <see cref="ForTransfer"/>.</summary>
    public static TheoryData<string> BadTransferTokens =>
        ["missing", "empty", "garbled", "expired", "other key", "tampered subject", "unsigned", "the bearer's own"];

    /// <summary>A <c>fromBuyerToken</c> of the kind that tries to name <paramref name="victim"/> (or the bearer itself) to
    /// a service whose buyer tokens are signed with <paramref name="signingKey"/>; the bearer holds only its own token.</summary>
    public static string? ForTransfer(string kind, string signingKey, string victim, string bearer) => kind switch
    {
        "missing" => null,
        "empty" => "",
        "garbled" => "not.a.token",
        "expired" => WithSubject(signingKey, victim, DateTime.UtcNow.AddHours(-1)),
        "other key" => WithSubject("a-key-the-frontend-does-not-hold-1234", victim),
        "tampered subject" => WithSubjectReplaced(WithSubject(signingKey, bearer), bearer, victim),
        "unsigned" => Unsigned(victim),
        "the bearer's own" => WithSubject(signingKey, bearer),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of bad token."),
    };

    /// <summary>A genuine token whose payload is rewritten to name another buyer, its signature left as it was.</summary>
    private static string WithSubjectReplaced(string token, string from, string to)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(from, to, StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary>A token that says it needs no signature (<c>alg: none</c>).</summary>
    private static string Unsigned(string subject)
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return $$"""{{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}}.{{Base64UrlEncoder.Encode(
            $$"""{"sub":"{{subject}}","iss":"{{BuyerTokenOptions.Issuer}}","aud":"{{BuyerTokenOptions.Audience}}","exp":{{expires}}}""")}}.""";
    }
}
