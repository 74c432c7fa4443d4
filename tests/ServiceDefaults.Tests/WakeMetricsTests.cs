using Microsoft.Extensions.Hosting;
using Shop.Contracts;

namespace Shop.ServiceDefaults.Tests;

/// <summary>The wake the app host's scale-to-zero activator reports is in the service's own metrics.</summary>
[Collection(RunsServices.Name)]
public sealed class WakeMetricsTests
{
    [Fact]
    public async Task A_wake_reported_on_alive_is_exported_as_the_wake_histogram_with_its_trigger()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using (var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "wake-test-service",
        }))
        {
            using var client = service.CreateClient();
            using var report = new HttpRequestMessage(HttpMethod.Get, "/alive");
            report.Headers.Add(WakeHeaders.Seconds, "2.345");
            report.Headers.Add(WakeHeaders.Trigger, WakeHeaders.QueueTrigger);
            using var response = await client.SendAsync(report);
            Assert.True(response.IsSuccessStatusCode, $"/alive answered {response.StatusCode}.");
        }

        var metrics = collector.ReceivedText("metrics");
        Assert.Contains(WakeMetrics.DurationName, metrics, StringComparison.Ordinal);
        Assert.Contains(WakeMetrics.MeterName, metrics, StringComparison.Ordinal);
        Assert.Contains(WakeHeaders.QueueTrigger, metrics, StringComparison.Ordinal);
    }
}
