using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.ProblemDetails;

/// <summary>Turns a request the framework could not bind into a 400 problem that says which parameter was wrong. Being
/// handled here also keeps it out of the error log: it is the client's mistake, not the service's.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = badRequest,
            ProblemDetails = { Status = badRequest.StatusCode, Detail = badRequest.Message },
        });
    }
}
