using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>How long a server-sent event stream lasts.</summary>
internal static class StreamLifetime
{
    /// <summary>Until the browser goes away or the dashboard stops, whichever comes first: an open stream must not
    /// hold up the AppHost's shutdown.</summary>
    public static CancellationToken Of(HttpContext context)
    {
        var lifetime = context.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(linked);
        return linked.Token;
    }
}
