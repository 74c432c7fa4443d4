using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.Hosting.Otlp;

namespace Shop.Dashboard.Tests;

/// <summary>Telemetry shaped like one checkout crossing the four services (HTTP calls and RabbitMQ hops), exported
/// through the real SDK with one pipeline per service. The services do not exist yet; this stands in for them so
/// the telemetry pages have something to show.</summary>
internal static class CheckoutTelemetry
{
    private static readonly string[] _services = ["webfrontend", "basket-api", "ordering-worker", "catalog-api"];

    /// <summary>Exports the checkout and returns its trace id.</summary>
    public static async Task<string> ExportAsync(OtlpExporterSettings receiver)
    {
        var sources = _services.ToDictionary(s => s, s => new ActivitySource($"test.{s}"));
        var providers = _services.Select(s => SdkExporter.Traces(receiver, s, $"test.{s}")).ToList();
        using var loggers = SdkExporter.Logs(receiver, "ordering-worker");
        var logger = loggers.CreateLogger("Ordering.Worker.OrderSubmittedConsumer");
        string traceId;
        try
        {
            using var page = Start(sources["webfrontend"], "POST /checkout", ActivityKind.Server, null);
            traceId = page.TraceId.ToHexString();
            using (var call = Start(sources["webfrontend"], "POST basket-api/api/basket/checkout", ActivityKind.Client, page))
            using (var checkout = Start(sources["basket-api"], "POST /api/basket/checkout", ActivityKind.Server, call))
            {
                using (var prices = Start(sources["basket-api"], "GET catalog-api/api/items", ActivityKind.Client, checkout))
                using (Start(sources["catalog-api"], "GET /api/items", ActivityKind.Server, prices))
                {
                    await Task.Delay(15);
                }

                using var publish = Start(sources["basket-api"], "OrderSubmitted send", ActivityKind.Producer, checkout);
                await Task.Delay(5);
                using var consume = Start(sources["ordering-worker"], "OrderSubmitted receive", ActivityKind.Consumer, publish);
                logger.LogInformation("Order {OrderId} submitted with {Lines} lines", 1042, 2);
                using (Start(sources["ordering-worker"], "INSERT orderingdb.orders", ActivityKind.Client, consume).SetTag("db.system", "postgresql"))
                {
                    await Task.Delay(8);
                }

                using var reserve = Start(sources["ordering-worker"], "ReserveStock send", ActivityKind.Producer, consume);
                using (Start(sources["catalog-api"], "ReserveStock receive", ActivityKind.Consumer, reserve))
                {
                    await Task.Delay(12);
                }

                logger.LogWarning("Payment for order {OrderId} declined: {Reason}", 1042, "test card 4000 0000 0000 0002");
            }
        }
        finally
        {
            foreach (var provider in providers)
            {
                provider.ForceFlush();
                provider.Dispose();
            }

            foreach (var source in sources.Values)
            {
                source.Dispose();
            }
        }

        return traceId;
    }

    /// <summary>Request metrics for the frontend and the runtime's own (CPU, memory, GC of this test process), exported
    /// a few times so the charts have lines.</summary>
    public static async Task ExportMetricsAsync(OtlpExporterSettings receiver)
    {
        using var meter = new Meter("test.webfrontend.http");
        var duration = meter.CreateHistogram("http.server.request.duration", "s", null, null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1] });
        using var provider = SdkExporter.Metrics(receiver, "webfrontend", "test.webfrontend.http", "System.Runtime");
        for (var export = 0; export < 6; export++)
        {
            for (var request = 0; request < 20 + (export * 5); request++)
            {
                duration.Record(0.004 + (Random.Shared.NextDouble() * 0.06));
            }

            provider.ForceFlush();
            await Task.Delay(200);
        }
    }

    private static Activity Start(ActivitySource source, string name, ActivityKind kind, Activity? parent) =>
        source.StartActivity(name, kind, parent?.Context ?? default)
        ?? throw new InvalidOperationException($"{source.Name} has no listener.");
}
