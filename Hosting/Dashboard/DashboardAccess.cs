using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Dashboard;

/// <summary>Who may use the dashboard: whoever opened the login link the AppHost printed (the token becomes a
/// session cookie), a script that sends the token as a bearer token, or anyone when anonymous access is allowed.</summary>
internal sealed class DashboardAccess(bool allowAnonymous)
{
    public const string LoginPath = "/login";
    private const string CookieName = "shop-dashboard";
    private const string DeniedPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop dashboard</title></head>
        <body><h1>Log in to the Shop dashboard</h1>
        <p>Open the link the AppHost printed at start: <code>Dashboard: http://localhost:18888/login?t=…</code>.</p></body></html>
        """;

    /// <summary>The cookie holds a value of its own, not the token: the token only ever travels in the login link.</summary>
    private readonly string _session = StateFolder.GenerateSecret(32);

    public bool AllowsAnonymous { get; } = allowAnonymous;

    /// <summary>The login token, new for every run of the AppHost.</summary>
    public string Token { get; } = StateFolder.GenerateSecret(32);

    /// <summary>Middleware: lets allowed requests (and the login page) through, answers 401 to the rest.</summary>
    public async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        if (AllowsAnonymous || context.Request.Path == LoginPath || IsAuthenticated(context.Request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(DeniedPage, context.RequestAborted);
        }
    }

    /// <summary>GET /login?t=TOKEN: swaps the token for the session cookie and goes to the resources page, so the token
    /// leaves the address bar (and the browser history) at once.</summary>
    public static Results<RedirectHttpResult, ContentHttpResult> Login(string? t, HttpContext context, DashboardAccess access)
    {
        if (!access.AllowsAnonymous && !SameSecret(t, access.Token))
        {
            return TypedResults.Content(DeniedPage, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(CookieName, access._session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Path = "/",
        });
        return TypedResults.Redirect("/");
    }

    private bool IsAuthenticated(HttpRequest request) =>
        SameSecret(request.Cookies[CookieName], _session)
        || (request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            && SameSecret(authorization["Bearer ".Length..], Token));

    private static bool SameSecret(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
