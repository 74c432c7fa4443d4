using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthCheckExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";

    /// <summary>A "self" check tagged live; services add their dependency checks to the same builder.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check: 200 when Healthy or Degraded, 503 when Unhealthy) and <c>/alive</c> (live
    /// checks only), in every environment and without authentication, because the orchestrator and the platform probe
    /// them. Probes are kept out of the request metrics; <c>MapDefaultEndpoints</c> keeps them out of traces.</summary>
    public static WebApplication MapHealthCheckEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }
}
