using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Shop.Catalog.Api.Apis;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Infrastructure.CompiledModel;
using Shop.Catalog.Api.Messaging;
using Shop.Catalog.Api.Search;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;
using Shop.Messaging;
using Shop.Security;

namespace Shop.Catalog.Api.Extensions;

public static class CatalogExtensions
{
    public static TBuilder AddCatalog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // One pool per replica: EF Core, the stock reservations and the schema check share this data source.
        var connectionString = WithCatalogSettings(builder.Configuration.GetConnectionString(ResourceNames.CatalogDatabase))
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.CatalogDatabase} is not configured.");
        builder.Services.AddSingleton(services => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());

        // The options of a pooled context are built once, so the interceptor is a single instance. The compiled model
        // (Infrastructure/CompiledModel, from `dotnet ef dbcontext optimize`) spares the first query of a cold start the
        // model building; rerun the command whenever an entity or configuration changes.
        var preparedStatementReset = new PreparedStatementReset();
        builder.Services.AddDbContextPool<CatalogContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .UseModel(CatalogContextModel.Instance)
            .AddInterceptors(preparedStatementReset));

        // Aspire's integration adds its health check and, when the service exports telemetry, Npgsql's traces and
        // metrics. The price-change publisher and the operator API begin their own transactions, which EF's retrying
        // execution strategy refuses; a failed reservation or publish is retried by the bus or the next sweep.
        builder.EnrichNpgsqlDbContext<CatalogContext>(settings =>
        {
            settings.DisableRetry = true;
            settings.DisableTracing = settings.DisableMetrics = !builder.ExportsTelemetry();
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StockReservations>();
        builder.Services.AddSingleton<SearchVocabulary>();
        builder.Services.AddSingleton<PriceChangeOutbox>();
        builder.Services.AddHostedService<PriceChangePublisher>();
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<ReserveStockConsumer>();
            bus.AddConsumer<ReleaseStockConsumer>();
            bus.AddConsumer<ProductPhotoConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(RequiredConnectionString(context, ResourceNames.Messaging)));
                rabbit.ReceiveEndpoint(QueueNames.CatalogStock, endpoint =>
                {
                    // Deadlock victims and a broker that fails a reply: a later attempt answers from the stored decision.
                    endpoint.UseMessageRetry(retry => retry.Exponential(
                        5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                    endpoint.ConfigureConsumer<ReserveStockConsumer>(context);
                    endpoint.ConfigureConsumer<ReleaseStockConsumer>(context);
                });
                rabbit.ReceiveEndpoint(QueueNames.CatalogPhotos, endpoint => endpoint.ConfigureConsumer<ProductPhotoConsumer>(context));
            });
        });

        // Resolved by the photo upload only: a catalog without photo storage serves everything else.
        builder.Services.AddStorageClients(ResourceNames.Storage);

        builder.AddReceiveEndpointWatchdog();

        builder.AddOperatorKey();
        builder.Services.AddStrictJson(CatalogJsonContext.Default);
        return builder;
    }

    private static string? WithCatalogSettings(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);

        // The read API runs a handful of statements over and over: prepared once per connection, PostgreSQL skips
        // parsing and planning them (measured: a quarter more listings per second). A connection string may still say otherwise.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 32;
        }

        return settings.ConnectionString;
    }

    private static string RequiredConnectionString(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)
        ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
