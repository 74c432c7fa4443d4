using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.Hosting.Dashboard.Telemetry;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>A resource's metrics as chart series.</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/metrics/{resource}", GetMetrics);
        return endpoints;
    }

    /// <summary>An unknown resource has no charts yet (its first export may still be on the way).</summary>
    public static Ok<MetricsViewDto> GetMetrics(string resource, TelemetryStore telemetry) =>
        TypedResults.Ok(new MetricsViewDto(resource, MetricCharts.Build(telemetry.Metrics.GetInstruments(resource))));
}
