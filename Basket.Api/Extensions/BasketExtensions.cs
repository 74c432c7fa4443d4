using MassTransit;
using Shop.Basket.Api.Checkout;
using Shop.Basket.Api.Infrastructure;
using Shop.Basket.Api.Messaging;
using Shop.Contracts;
using Shop.Security;
using StackExchange.Redis;

namespace Shop.Basket.Api.Extensions;

public static class BasketExtensions
{
    public static TBuilder AddBasket<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBuyerTokens();
        builder.Services.AddOptions<CheckoutOptions>().BindConfiguration(CheckoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // One shared multiplexer, with the integration's health check (PING, on /health) and, when the service exports
        // telemetry, its tracing. Its timeouts are in appsettings.json (Aspire:StackExchange:Redis:ConfigurationOptions),
        // where an environment may override them.
        builder.AddRedisClient(
            ResourceNames.Cache,
            // Connect while the host starts rather than inside the first request, which would otherwise block a thread on
            // the connect: a replica woken from zero by a request finds its connection open.
            settings =>
            {
                settings.DisableAutoActivation = false;
                settings.DisableTracing = !builder.ExportsTelemetry();
            },
            options =>
                // Reconnect soon after the server is back (the default backs off from half the connect timeout up to
                // 10 s), yet without hammering a server that stays down.
                options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 5000));
        builder.Services.AddSingleton<BasketStore>();
        builder.Services.AddSingleton<CheckoutStore>();

        builder.Services.AddHttpClient<CatalogClient>(http => http.BaseAddress = new Uri(CatalogClient.BaseAddress));
        builder.Services.AddOptions<CatalogCacheOptions>().BindConfiguration(CatalogCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddSingleton<OrderSender>();
        builder.Services.AddTransient<CheckoutService>();

        // The bus connects in the background (start-up does not wait for the broker), and MassTransit's health check
        // reports the broker on /health. Publisher confirms are MassTransit's default on RabbitMQ; stated here because
        // checkout depends on them.
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<ProductPriceChangedConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(ConnectionString(context, ResourceNames.Messaging)), host => host.PublisherConfirmation = true);
                // Every replica needs every price change for its own cache: a queue per replica (named after it,
                // deleted with its connection) bound to the event's exchange, not one queue the replicas compete on.
                // Changes made while it is not bound are not replayed; the cache's expiry bounds what they leave stale.
                rabbit.ReceiveEndpoint(new TemporaryEndpointDefinition(), null, endpoint => endpoint.ConfigureConsumer<ProductPriceChangedConsumer>(context));
            });
        });

        builder.Services.AddExceptionHandler<ServiceUnavailableExceptionHandler>();
        builder.Services.AddStrictJson(BasketJsonContext.Default);
        return builder;
    }

    private static string ConnectionString(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)
        ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
