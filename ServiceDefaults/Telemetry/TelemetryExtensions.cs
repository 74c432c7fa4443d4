using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // The libraries' own sources and meters: the instrumentation packages are not available here (see PACKAGES.md).
    private static readonly string[] _activitySources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "MassTransit"];

    private static readonly string[] _meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", "Npgsql", "MassTransit",
    ];

    /// <summary>Exports traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise
    /// adds nothing, so a service run without a collector pays nothing for telemetry.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddOtlpExporter();
        });

        // Built by the container, so that disposing the host flushes and shuts them down. The SDK reads the OTEL_*
        // settings (endpoint, protocol, headers, service name, resource attributes) from the host's configuration,
        // which includes the environment.
        builder.Services.AddSingleton(services => Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(sdk => sdk.AddSingleton(services.GetRequiredService<IConfiguration>()))
            .AddSource(_activitySources)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(services => Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(sdk => sdk.AddSingleton(services.GetRequiredService<IConfiguration>()))
            .AddMeter(_meters)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddHostedService<TelemetryStartup>();
        return builder;
    }
}
