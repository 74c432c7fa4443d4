using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Shop.Contracts;

namespace Shop.Messaging;

public static class MessagingExtensions
{
    /// <summary>For services that consume from the broker: stops the process when a receive endpoint stays down
    /// while its broker answers, so that its supervisor starts a fresh one (see <see cref="ReceiveEndpointWatchdog"/>).</summary>
    public static TBuilder AddReceiveEndpointWatchdog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ReceiveEndpointWatchdogOptions>()
            .BindConfiguration(ReceiveEndpointWatchdogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The probe's own connection. MassTransit's bus health is the services' broker health check, and its spans
        // already trace every publish and delivery: a second check and the client's own spans would only repeat them.
        // One connect attempt per check; the next check is the retry.
        builder.AddRabbitMQClient(ResourceNames.Messaging, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableTracing = true;
            settings.MaxConnectRetryCount = 0;
        }, factory =>
        {
            factory.ClientProvidedName = "receive-endpoint-watchdog";
            factory.RequestedConnectionTimeout = TimeSpan.FromSeconds(5);
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BrokerQueueProbe>();
        builder.Services.AddHostedService<ReceiveEndpointWatchdog>();
        return builder;
    }
}
