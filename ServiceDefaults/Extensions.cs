using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.Resilience;
using Shop.ServiceDefaults.ServiceDiscovery;
using Shop.ServiceDefaults.Telemetry;

// Aspire's convention: the defaults live in Microsoft.Extensions.Hosting so Program.cs needs no using.
namespace Microsoft.Extensions.Hosting;

/// <summary>What every Shop service shares: telemetry, health checks, service discovery and resilient HttpClients.</summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddHttpClientDefaults();
        return builder;
    }

    /// <summary>Every HttpClient made by the factory retries transient failures and resolves logical service names.
    /// Resilience is the outer handler so that each attempt resolves the name again.</summary>
    public static TBuilder AddHttpClientDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<HttpResilienceOptions>()
            .BindConfiguration(HttpResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<HttpResilienceHandler>();
        builder.Services.AddTransient<ServiceDiscoveryHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http
            .AddHttpMessageHandler<HttpResilienceHandler>()
            .AddHttpMessageHandler<ServiceDiscoveryHandler>());
        return builder;
    }

    /// <summary>Maps /health and /alive, and names and tags each request span (see RequestTracing).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.Use(RequestTracing.InvokeAsync);
        app.MapHealthCheckEndpoints();
        return app;
    }
}
