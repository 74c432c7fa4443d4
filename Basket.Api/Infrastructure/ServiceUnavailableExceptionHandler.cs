using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>Redis or Catalog.Api out of reach is a 503 with a Retry-After, not a 500: the request was fine, and the same
/// request is worth repeating shortly. Nothing was half-written: every basket change is one atomic script.</summary>
internal sealed partial class ServiceUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<ServiceUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = exception switch
        {
            // StackExchange.Redis: no connection (down, refused credentials, TLS failure), an error reply (LOADING while
            // a restarted server reads its data), or no reply within the async timeout (a TimeoutException, not a RedisException).
            RedisException or RedisTimeoutException => "basket storage",
            CatalogUnavailableException => "catalog",
            _ => null,
        };
        if (dependency is null)
        {
            return false;
        }

        LogUnavailable(exception, dependency);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = $"The {dependency} cannot be reached right now; nothing was changed. Please retry.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering 503: the {Dependency} is unavailable")]
    private partial void LogUnavailable(Exception exception, string dependency);
}
