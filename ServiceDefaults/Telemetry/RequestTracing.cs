using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>Shapes the span ASP.NET Core starts for each request. Without the instrumentation package (not served here)
/// that span has no attributes and is named Microsoft.AspNetCore.Hosting.HttpRequestIn, so this adds the semantic
/// convention basics and a "GET /api/catalog/items/{id:int}" name. Health probes are not recorded at all: they arrive
/// every few seconds and would drown the traces people come to read.</summary>
internal static class RequestTracing
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var activity = Activity.Current;
        if (activity is null || !activity.IsAllDataRequested)
        {
            await next(context);
            return;
        }

        if (IsHealthProbe(context.Request.Path))
        {
            // Exporting processors skip activities without the Recorded flag, and the parent-based sampler makes
            // every child (a health check's database query) unrecorded too.
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
            await next(context);
            return;
        }

        activity.SetTag("http.request.method", context.Request.Method);
        activity.SetTag("url.scheme", context.Request.Scheme);
        activity.SetTag("url.path", context.Request.Path.Value);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().FullName);
            throw;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            activity.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
            activity.SetTag("http.route", route);
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }

    private static bool IsHealthProbe(PathString path) =>
        path.Equals(HealthCheckExtensions.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(HealthCheckExtensions.AlivePath, StringComparison.OrdinalIgnoreCase);
}
