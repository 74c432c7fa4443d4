using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shop.Hosting.Otlp;

namespace Shop.Dashboard.Tests;

/// <summary>Real OpenTelemetry SDK pipelines exporting to the dashboard's receiver over OTLP/HTTP protobuf, as a service
/// configured by the AppHost does.</summary>
internal static class SdkExporter
{
    public static TracerProvider Traces(OtlpExporterSettings receiver, string service, string source, string? apiKey = null) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceOf(service))
            .AddSource(source)
            .AddOtlpExporter(o => Configure(o, receiver, "v1/traces", apiKey))
            .Build()!;

    public static MeterProvider Metrics(OtlpExporterSettings receiver, string service, params string[] meters) =>
        Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceOf(service))
            .AddMeter(meters)
            .AddOtlpExporter(o => Configure(o, receiver, "v1/metrics"))
            .Build()!;

    public static ILoggerFactory Logs(OtlpExporterSettings receiver, string service) =>
        LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
        {
            options.SetResourceBuilder(ResourceOf(service));
            options.IncludeFormattedMessage = true;
            options.AddOtlpExporter(o => Configure(o, receiver, "v1/logs"));
        }));

    private static ResourceBuilder ResourceOf(string service) =>
        ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: Guid.NewGuid().ToString("N"));

    /// <summary>An endpoint set in code is used as given (only the environment variable gets /v1/… appended), so the
    /// signal's path is part of it here.</summary>
    private static void Configure(OtlpExporterOptions options, OtlpExporterSettings receiver, string signalPath, string? apiKey = null)
    {
        options.Endpoint = new Uri(receiver.Endpoint, signalPath);
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Headers = $"{OtlpExporterSettings.ApiKeyHeader}={apiKey ?? receiver.ApiKey}";
    }
}
