using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>The providers listen from the moment they are built, so they are built when the host starts (before the
/// server takes requests) rather than on first use; the container disposes them, flushing the exporters, on stop.</summary>
internal sealed class TelemetryStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<TracerProvider>();
        services.GetRequiredService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
