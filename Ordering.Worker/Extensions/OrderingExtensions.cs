using MassTransit;

namespace Shop.Ordering.Worker.Extensions;

public static class OrderingExtensions
{
    public const string MessagingName = "messaging";

    /// <summary>The bus on RabbitMQ. It connects in the background, so start-up does not wait for the broker; MassTransit
    /// adds its bus health check to the service's checks, and /health reports the broker connection through it.</summary>
    public static TBuilder AddOrdering<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(context.GetRequiredService<IConfiguration>().GetConnectionString(MessagingName)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingName} is not configured.")));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
