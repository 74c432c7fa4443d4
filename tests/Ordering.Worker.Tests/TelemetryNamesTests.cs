using MassTransit.Logging;
using MassTransit.Monitoring;
using Defaults = Microsoft.Extensions.Hosting.Extensions;

namespace Shop.Ordering.Worker.Tests;

/// <summary>ServiceDefaults names MassTransit's telemetry without referencing MassTransit; a MassTransit upgrade that
/// renamed its source or meter would otherwise drop every messaging span and metric without a failing test.</summary>
public sealed class TelemetryNamesTests
{
    [Fact]
    public void The_service_defaults_listen_to_the_source_and_meter_MassTransit_emits_on()
    {
        Assert.Equal(DiagnosticHeaders.DefaultListenerName, Defaults.MassTransitTelemetryName);
        Assert.Equal(InstrumentationOptions.MeterName, Defaults.MassTransitTelemetryName);
    }
}
