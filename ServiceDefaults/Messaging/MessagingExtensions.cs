using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>For services that consume from the broker: stops the process when a receive endpoint stays down
    /// while its broker answers, so that its supervisor starts a fresh one (see <see cref="ReceiveEndpointWatchdog"/>).</summary>
    public static IServiceCollection AddReceiveEndpointWatchdog(this IServiceCollection services)
    {
        services.AddOptions<ReceiveEndpointWatchdogOptions>()
            .BindConfiguration(ReceiveEndpointWatchdogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BrokerQueueProbe>();
        services.AddHostedService<ReceiveEndpointWatchdog>();
        return services;
    }
}
