using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.Hosting.Dashboard.Api;
using Shop.Hosting.Otlp;

namespace Shop.Dashboard.Tests;

/// <summary>The receiver fed by the real OpenTelemetry SDK (OTLP/HTTP protobuf), read back through the dashboard's API.</summary>
public sealed class OtlpReceiverTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly MediaTypeHeaderValue _protobuf = new("application/x-protobuf");
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];

    private OtlpExporterSettings Receiver => fixture.Dashboard.OtlpExporter;

    [Fact]
    public async Task Spans_exported_by_the_SDK_come_back_as_one_trace_in_waterfall_order()
    {
        using var source = new ActivitySource(_service);
        string traceId;
        using (var provider = SdkExporter.Traces(Receiver, _service, _service))
        {
            using (var checkout = source.StartActivity("POST /checkout", ActivityKind.Server)!)
            {
                traceId = checkout.TraceId.ToHexString();
                using (source.StartActivity("reserve stock", ActivityKind.Client)!.SetTag("order.id", "42"))
                {
                }

                using (source.StartActivity("take payment")!.SetStatus(ActivityStatusCode.Error, "card declined"))
                {
                }
            }

            Assert.True(provider.ForceFlush());
        }

        var trace = Assert.Single(await fixture.GetAsync<List<TraceSummaryDto>>($"/api/traces?resource={_service}"));
        Assert.Equal((traceId, "POST /checkout", 3, true), (trace.TraceId, trace.Name, trace.SpanCount, trace.HasError));
        Assert.Equal([_service], trace.Resources);

        var detail = await fixture.GetAsync<TraceDto>($"/api/traces/{traceId}");
        Assert.Equal(["POST /checkout", "reserve stock", "take payment"], detail.Spans.Select(s => s.Name));
        Assert.Equal([0, 1, 1], detail.Spans.Select(s => s.Depth));
        Assert.Equal(["Server", "Client", "Internal"], detail.Spans.Select(s => s.Kind));
        Assert.Contains(detail.Spans[1].Attributes, a => a is { Name: "order.id", Value: "42" });
        Assert.Equal("card declined", detail.Spans[2].StatusMessage);
    }

    [Fact]
    public async Task Log_records_exported_by_the_SDK_are_filtered_by_resource_level_and_text_and_keep_their_trace()
    {
        string traceId;
        using (var loggers = SdkExporter.Logs(Receiver, _service))
        {
            var logger = loggers.CreateLogger("Shop.Checkout");
            using var checkout = new Activity("checkout").Start();
            traceId = checkout.TraceId.ToHexString();
            logger.LogInformation("Basket {BasketId} checked out", "b-1");
            logger.LogWarning("Payment for order {OrderId} declined", 7);
        }

        var all = await fixture.GetAsync<List<LogRecordDto>>($"/api/logs?resource={_service}");
        Assert.Equal(["Payment for order 7 declined", "Basket b-1 checked out"], all.Select(r => r.Message));

        var warning = Assert.Single(await fixture.GetAsync<List<LogRecordDto>>($"/api/logs?resource={_service}&level=Warning"));
        Assert.Equal(("Warning", "Shop.Checkout", traceId), (warning.Severity, warning.Category, warning.TraceId));
        Assert.Contains(warning.Attributes, a => a is { Name: "OrderId", Value: "7" });

        var found = Assert.Single(await fixture.GetAsync<List<LogRecordDto>>($"/api/logs?resource={_service}&text=CHECKED%20OUT"));
        Assert.Equal("Information", found.Severity);
    }

    [Fact]
    public async Task Metrics_exported_by_the_SDK_become_request_rate_and_latency_percentiles()
    {
        using var meter = new Meter(_service);
        // The bucket bounds ASP.NET Core advises for this instrument.
        var duration = meter.CreateHistogram("http.server.request.duration", "s", null, null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        var orders = meter.CreateCounter<long>("shop.orders.placed", "{order}");
        // Read before the provider is disposed: its final export would add a quiet interval after these.
        using var provider = SdkExporter.Metrics(Receiver, _service, _service);
        // The first export of a cumulative series is the baseline that later ones are compared with.
        duration.Record(0.02, new KeyValuePair<string, object?>("http.route", "/checkout"));
        duration.Record(0.4, new KeyValuePair<string, object?>("http.route", "/basket"));
        orders.Add(1);
        Assert.True(provider.ForceFlush());

        for (var i = 0; i < 10; i++)
        {
            duration.Record(0.02, new KeyValuePair<string, object?>("http.route", "/checkout"));
        }

        duration.Record(0.4, new KeyValuePair<string, object?>("http.route", "/basket"));
        orders.Add(3);
        Assert.True(provider.ForceFlush());

        var charts = (await fixture.GetAsync<MetricsViewDto>($"/api/metrics/{_service}")).Charts;
        Assert.True(Latest(charts, "Request rate", "requests") > 0);
        Assert.InRange(Latest(charts, "Request latency", "p50"), 10, 25);
        Assert.InRange(Latest(charts, "Request latency", "p99"), 250, 500);
        Assert.True(Latest(charts, "shop.orders.placed", "rate") > 0);
    }

    [Fact]
    public async Task An_export_without_the_right_API_key_is_refused_and_stores_nothing()
    {
        using var http = new HttpClient { BaseAddress = Receiver.Endpoint };
        using var anonymous = new ByteArrayContent(OtlpRequests.Trace(_service, "no key").ToByteArray());
        anonymous.Headers.ContentType = _protobuf;
        using var response = await http.PostAsync("/v1/traces", anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var source = new ActivitySource(_service);
        using (var provider = SdkExporter.Traces(Receiver, _service, _service, apiKey: "not-the-key"))
        {
            source.StartActivity("wrong key")!.Dispose();
            provider.ForceFlush();
        }

        Assert.Empty(await fixture.GetAsync<List<TraceSummaryDto>>($"/api/traces?resource={_service}"));
    }

    [Fact]
    public async Task A_gzip_compressed_export_is_accepted()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            OtlpRequests.Trace(_service, "compressed").WriteTo(gzip);
        }

        using var http = new HttpClient { BaseAddress = Receiver.Endpoint };
        http.DefaultRequestHeaders.Add(OtlpExporterSettings.ApiKeyHeader, Receiver.ApiKey);
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = _protobuf;
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await http.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("compressed", Assert.Single(await fixture.GetAsync<List<TraceSummaryDto>>($"/api/traces?resource={_service}")).Name);
    }

    private static double Latest(IReadOnlyList<MetricChartDto> charts, string chart, string series) =>
        charts.Single(c => c.Title == chart).Series.Single(s => s.Name == series).Points[^1].V;
}
