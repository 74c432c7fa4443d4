using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Aspire's convention: the defaults live in Microsoft.Extensions.Hosting so Program.cs needs no using.
namespace Microsoft.Extensions.Hosting;

/// <summary>What every Shop service shares, in the shape of Aspire's service defaults: OpenTelemetry, health checks,
/// service discovery and the standard resilience handler on every HttpClient.</summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The configuration section bound onto every HttpClient's standard resilience options
    /// (<c>HttpResilience:Retry:MaxRetryAttempts</c>, <c>HttpResilience:TotalRequestTimeout:Timeout</c>, …).</summary>
    public const string HttpResilienceSection = "HttpResilience";

    /// <summary>Npgsql's ActivitySource and Meter.</summary>
    public const string NpgsqlTelemetryName = "Npgsql";

    /// <summary>MassTransit's ActivitySource (<c>DiagnosticHeaders.DefaultListenerName</c>) and Meter
    /// (<c>InstrumentationOptions.MeterName</c>); ServiceDefaults does not reference MassTransit for two strings.</summary>
    public const string MassTransitTelemetryName = "MassTransit";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Outside service discovery, so that every attempt resolves the name again. Unlike the standard handler's
            // default, a POST or PATCH is never retried: repeating one could add a basket line twice or submit a second
            // checkout. GET, PUT and DELETE are idempotent in every Shop API and stay retried.
            http.AddStandardResilienceHandler()
                .Configure((options, services) =>
                {
                    services.GetRequiredService<IConfiguration>().GetSection(HttpResilienceSection).Bind(options);
                    options.Retry.DisableFor(HttpMethod.Post, HttpMethod.Patch, HttpMethod.Connect);
                });
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Traces, metrics and logs through OpenTelemetry, exported over OTLP, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set (the SDK reads the other OTEL_* settings itself). Without it nothing is registered: a service started
    /// without a collector does not pay for instrumentation on its cold start.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.ExportsTelemetry())
        {
            AddOpenTelemetry(builder);
        }

        return builder;
    }

    /// <summary>A method of its own, so that a service that exports nothing does not load OpenTelemetry's assemblies
    /// (the SDK and the OTLP exporter): the JIT loads what a method's body names when it compiles the method.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddSingleton<WakeMetrics>();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(NpgsqlTelemetryName, MassTransitTelemetryName, WakeMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(NpgsqlTelemetryName, MassTransitTelemetryName))
            .UseOtlpExporter();
    }

    /// <summary>Whether the service exports telemetry (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set). Aspire's client
    /// integrations add their own tracing and metrics unless told not to; without an exporter those only cost (the
    /// Redis instrumentation alone held some 300 MB of profiled commands under the bench's load).</summary>
    public static bool ExportsTelemetry(this IHostApplicationBuilder builder) => !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);

    /// <summary>A "self" check tagged live; services add their dependency checks to the same builder.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check: 200 when Healthy or Degraded, 503 when Unhealthy) and <c>/alive</c> (live
    /// checks only), in every environment and without authentication, because the orchestrator and the platform probe
    /// them. Probes are kept out of the request metrics here and out of traces by the tracing filter: they arrive every
    /// few seconds and would drown what people come to read.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // The scale-to-zero activator reports each wake with one /alive request (see WakeMetrics).
        if (app.Services.GetService<WakeMetrics>() is { } wakes)
        {
            app.Use((context, next) =>
            {
                if (context.Request.Path.Equals(AlivePath, StringComparison.OrdinalIgnoreCase))
                {
                    wakes.Record(context.Request);
                }

                return next(context);
            });
        }

        app.MapHealthChecks(HealthPath).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AlivePath, StringComparison.OrdinalIgnoreCase);
}
