using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Shop.Catalog.Api.Apis;

/// <summary>A request body with a value of the wrong JSON type (<c>"price": "cheap"</c>) becomes a validation problem
/// keyed by that property, like every other bad field; the framework would only say that the body was unreadable.
/// Registered before the service defaults' handler, which still answers bodies that are not JSON at all.</summary>
internal sealed class JsonBodyExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } })
        {
            return false;
        }

        var field = path.TrimStart('$', '.');
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"{field} has a value of the wrong type."] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
        });
    }
}
