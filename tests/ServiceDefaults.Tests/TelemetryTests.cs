using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Tests;

/// <summary>Tracer and meter providers listen process-wide, so these tests share a collection with every other test
/// that runs a service, and never run beside them.</summary>
[Collection(RunsServices.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Requests_logs_and_metrics_are_exported_over_OTLP_but_health_probes_are_not_traced()
    {
        var healthTrace = ActivityTraceId.CreateRandom();
        var aliveTrace = ActivityTraceId.CreateRandom();
        var greetingTrace = ActivityTraceId.CreateRandom();
        await using var collector = await OtlpCollector.StartAsync();
        await using (var service = await TestService.StartAsync(
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_SERVICE_NAME"] = "telemetry-test-service",
            },
            mapEndpoints: app => app.MapGet("/greeting", (ILogger<TelemetryTests> logger) =>
            {
                logger.LogInformation("Greeting requested");
                return "hello";
            })))
        {
            // The tracer provider also instruments this process's own HttpClients; this one must send the traceparent
            // the test sets instead of one of its own span's.
            using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = service.Address };
            await GetInTraceAsync(client, "/health", healthTrace);
            await GetInTraceAsync(client, "/alive", aliveTrace);
            await GetInTraceAsync(client, "/greeting", greetingTrace);
        }

        Assert.True(collector.Received("traces", Bytes(greetingTrace)), "The request's span should be exported.");
        Assert.False(collector.Received("traces", Bytes(healthTrace)), "/health should not be traced.");
        Assert.False(collector.Received("traces", Bytes(aliveTrace)), "/alive should not be traced.");
        var traces = collector.ReceivedText("traces");
        Assert.Contains("GET /greeting", traces, StringComparison.Ordinal);
        Assert.Contains("telemetry-test-service", traces, StringComparison.Ordinal);
        Assert.Contains("Greeting requested", collector.ReceivedText("logs"), StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", collector.ReceivedText("metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_telemetry_provider_is_registered()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>());

        Assert.Null(service.GetService<OpenTelemetry.Trace.TracerProvider>());
    }

    /// <summary>Sends the request as part of a caller's trace, so that the server's span carries a known trace id.</summary>
    private static async Task GetInTraceAsync(HttpClient client, string path, ActivityTraceId traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}.");
    }

    private static byte[] Bytes(ActivityTraceId traceId)
    {
        var bytes = new byte[16];
        traceId.CopyTo(bytes);
        return bytes;
    }
}
