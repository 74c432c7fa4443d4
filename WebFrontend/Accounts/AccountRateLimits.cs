using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace Shop.WebFrontend.Accounts;

/// <summary>How many sign-in and sign-up attempts one client address may post per window. Lockout guards one account
/// against guessing; this guards the shop against one client trying many accounts (or creating them).</summary>
public sealed class AccountRateLimits
{
    public const string Section = "Accounts:RateLimits";

    /// <summary>The rate-limiting policy of the sign-in and sign-up pages and the passkey sign-in options.</summary>
    public const string Policy = "accounts";

    [Range(1, 10_000)]
    public int SignInsPerWindow { get; set; } = 20;

    [Range(1, 10_000)]
    public int SignUpsPerWindow { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The limiter for a request to an endpoint of the <see cref="Policy"/>: posts to the sign-in and sign-up
    /// forms (and the passkey sign-in options) are counted per client address and per kind; showing the forms is not
    /// limited.</summary>
    public RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || KindOf(context.Request.Path) is not { } kind)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var permits = kind == AccountPaths.SignUp ? SignUpsPerWindow : SignInsPerWindow;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{kind} {client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
        });
    }

    private static string? KindOf(PathString path) =>
        path.Equals(AccountPaths.SignUp, StringComparison.OrdinalIgnoreCase) ? AccountPaths.SignUp
        : path.Equals(AccountPaths.SignIn, StringComparison.OrdinalIgnoreCase)
            || path.Equals(AccountPaths.PasskeyRequestOptions, StringComparison.OrdinalIgnoreCase) ? AccountPaths.SignIn
        : null;
}
