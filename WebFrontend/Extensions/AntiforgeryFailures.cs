using Microsoft.AspNetCore.Antiforgery;

namespace Shop.WebFrontend.Extensions;

public static class AntiforgeryFailures
{
    /// <summary>The page a refused form post is sent to: the status page for 400, which says what to do.</summary>
    public const string ExplanationPath = "/status/400";

    /// <summary>A form post whose antiforgery token is missing or stale (an old tab, cleared cookies) is refused before it
    /// reaches a page, and the browser is sent (303, so with a GET) to a page that explains it, instead of the
    /// framework's plain-text message. Place it right after <c>UseAntiforgery</c>.</summary>
    public static IApplicationBuilder UseFriendlyAntiforgeryFailures(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false })
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = ExplanationPath;
        return Task.CompletedTask;
    });
}
