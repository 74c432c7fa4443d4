using Shop.Basket.Api.Infrastructure;

namespace Shop.Basket.Api.Extensions;

public static class BasketExtensions
{
    public const string CacheName = "cache";

    public static TBuilder AddBasket<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Read when first resolved rather than here, so that test hosts can still supply the connection string.
        builder.Services.AddSingleton(services => RedisConnectionOptions.Parse(
            services.GetRequiredService<IConfiguration>().GetConnectionString(CacheName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{CacheName} is not configured.")));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(CacheName, timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
