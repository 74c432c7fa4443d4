using MassTransit;
using Npgsql;
using Shop.Contracts;
using Shop.Messaging;
using Shop.Ordering.Worker.Workflow;

namespace Shop.Ordering.Worker.Messaging;

internal static class OrderingBus
{
    /// <summary>The bus on RabbitMQ and the workflow's one queue. The bus connects in the background, so start-up does
    /// not wait for the broker; MassTransit's bus health check makes /health report the connection. On SIGTERM the
    /// host stops the bus: it stops taking messages, lets the ones in hand finish (and ack), then disconnects.</summary>
    public static void AddOrderingBus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<OrderSubmittedConsumer>();
            bus.AddConsumer<StockReservedConsumer>();
            bus.AddConsumer<StockRejectedConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(context.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.Messaging)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.Messaging} is not configured.")));
                rabbit.ReceiveEndpoint(QueueNames.Ordering, endpoint =>
                {
                    endpoint.PrefetchCount = 16;
                    endpoint.ConcurrentMessageLimit = ConcurrentMessages(context.GetRequiredService<NpgsqlDataSource>());
                    // Transient failures (the gateway, the database, the broker) are retried with growing pauses;
                    // what still fails, or can never succeed, moves to the ordering_error queue for an operator.
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Exponential(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                        retry.Ignore<InvalidOrderException>();
                        retry.Ignore<UnknownOrderException>();
                    });
                    endpoint.ConfigureConsumer<OrderSubmittedConsumer>(context);
                    endpoint.ConfigureConsumer<StockReservedConsumer>(context);
                    endpoint.ConfigureConsumer<StockRejectedConsumer>(context);
                });
            });
        });
        builder.AddReceiveEndpointWatchdog();
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(25);
        });
    }

    /// <summary>A payment holds its order's transaction (one connection) while the gateway writes its ledger on a second
    /// one, so with as many payments in flight as the pool has connections, each would hold one and wait for another
    /// until the pool's timeout. One fewer than the pool always leaves a connection for some payment to finish with.
    /// Deployed pools are a few connections; locally the default pool of 100 leaves the prefetch as the limit.</summary>
    private static int ConcurrentMessages(NpgsqlDataSource dataSource) =>
        Math.Clamp(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize - 1, 1, 16);
}
