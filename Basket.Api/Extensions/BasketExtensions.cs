using MassTransit;
using Shop.Basket.Api.Checkout;
using Shop.Basket.Api.Infrastructure;
using Shop.Basket.Api.Redis;

namespace Shop.Basket.Api.Extensions;

public static class BasketExtensions
{
    public const string CacheName = "cache";
    public const string MessagingName = "messaging";

    public static TBuilder AddBasket<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBuyerTokens();
        builder.Services.AddOptions<CheckoutOptions>().BindConfiguration(CheckoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Read when first resolved rather than here, so that test hosts can still supply the connection strings.
        builder.Services.AddSingleton(services => RedisConnectionOptions.Parse(ConnectionString(services, CacheName)));
        builder.Services.AddSingleton<RedisClient>();
        builder.Services.AddHostedService<RedisConnectionWarmUp>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(CacheName, timeout: TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<BasketStore>();
        builder.Services.AddSingleton<CheckoutStore>();

        builder.Services.AddHttpClient<CatalogClient>(http => http.BaseAddress = new Uri(CatalogClient.BaseAddress));
        builder.Services.AddSingleton<OrderSender>();
        builder.Services.AddTransient<CheckoutService>();

        // Send-only: the basket consumes nothing (prices are checked when read, see the README). The bus connects in the
        // background, and MassTransit's health check reports the broker on /health. Publisher confirms are MassTransit's
        // default on RabbitMQ; stated here because checkout depends on them.
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((context, rabbit) =>
                rabbit.Host(new Uri(ConnectionString(context, MessagingName)), host => host.PublisherConfirmation = true));
        });

        builder.Services.AddExceptionHandler<ServiceUnavailableExceptionHandler>();
        builder.Services.AddStrictJson(BasketJsonContext.Default);
        return builder;
    }

    private static string ConnectionString(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)
        ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
