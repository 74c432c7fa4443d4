using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Shop.ServiceDefaults.ProblemDetails;

/// <summary>JSON is UTF-8 (RFC 8259): a JSON body declaring another charset is a 415 before anything reads it. The
/// framework's reader would otherwise look the charset up, and an unknown one (<c>charset=ebcdic</c>) escapes as a 500.</summary>
internal sealed class JsonCharsetMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && (contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || contentType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && contentType.Parameters.FirstOrDefault(parameter => parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) is { } parameter
            && HeaderUtilities.RemoveQuotes(parameter.Value).ToString() is var charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Detail = $"The Content-Type header's charset must be utf-8 for a JSON body, not '{charset}'.",
                },
            });
            return;
        }

        await next(context);
    }
}
