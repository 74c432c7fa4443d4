using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Shop.Catalog.Api.Apis;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Messaging;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;
using Shop.ServiceDefaults.Messaging;

namespace Shop.Catalog.Api.Extensions;

public static class CatalogExtensions
{
    public const string DatabaseName = "catalogdb";
    public const string MessagingName = "messaging";

    /// <summary>How alike a search word and a word of a product name must be to match (pg_trgm's word similarity). The
    /// extension's default, 0.6, misses one-letter typos in short words ("hedlamp"); 0.4 still keeps unrelated words out.</summary>
    public const string TrigramThreshold = "0.4";

    public static TBuilder AddCatalog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Read when first resolved rather than here, so that test hosts can still supply the connection strings.
        builder.Services.AddSingleton(services => CreateDataSource(
            RequiredConnectionString(services, DatabaseName), services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<PreparedStatementReset>();
        builder.Services.AddDbContextPool<CatalogContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(services.GetRequiredService<PreparedStatementReset>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<CatalogContext>(DatabaseName);

        builder.Services.AddSingleton<CatalogMigrator>();
        builder.Services.AddHostedService<CatalogMigrationService>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StockReservations>();
        builder.Services.AddSingleton<PriceChangeOutbox>();
        builder.Services.AddHostedService<PriceChangePublisher>();
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<ReserveStockConsumer>();
            bus.AddConsumer<ReleaseStockConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(RequiredConnectionString(context, MessagingName)));
                rabbit.ReceiveEndpoint(QueueNames.CatalogStock, endpoint =>
                {
                    // Deadlock victims and a broker that fails a reply: a later attempt answers from the stored decision.
                    endpoint.UseMessageRetry(retry => retry.Exponential(
                        5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                    endpoint.ConfigureConsumer<ReserveStockConsumer>(context);
                    endpoint.ConfigureConsumer<ReleaseStockConsumer>(context);
                });
            });
        });

        builder.Services.AddReceiveEndpointWatchdog();

        builder.AddOperatorKey();
        builder.Services.AddStrictJson(CatalogJsonContext.Default);
        return builder;
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString, ILoggerFactory loggerFactory)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggerFactory);
        var settings = dataSource.ConnectionStringBuilder;

        // A session setting sent when each connection opens: no extra round trip per query.
        settings.Options = $"{settings.Options} -c pg_trgm.word_similarity_threshold={TrigramThreshold}".Trim();

        // The read API runs a handful of statements over and over: prepared once per connection, PostgreSQL skips
        // parsing and planning them (measured: a quarter more listings per second). A connection string may still say otherwise.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 32;
        }

        return dataSource.Build();
    }

    private static string RequiredConnectionString(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)
        ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
