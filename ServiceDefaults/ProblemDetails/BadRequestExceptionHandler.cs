using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.ProblemDetails;

/// <summary>Turns a request the framework could not bind into a 400 problem that says which parameter was wrong. A body
/// value of the wrong JSON type (<c>"quantity": "1"</c>) becomes a validation problem keyed by that property, like every
/// other bad field. Being handled here also keeps it out of the error log: it is the client's mistake, not the
/// service's.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = badRequest.InnerException is JsonException { Path: { Length: > 2 } path }
            ? WrongType(path.TrimStart('$', '.'))
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Detail = badRequest.Message };
        problem.Status = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = badRequest, ProblemDetails = problem });
    }

    private static HttpValidationProblemDetails WrongType(string field) =>
        new(new Dictionary<string, string[]> { [field] = [$"{field} has a value of the wrong type."] });
}
