using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Shop.Contracts;
using Shop.Ordering.Worker.Apis;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Infrastructure.CompiledModel;
using Shop.Ordering.Worker.Messaging;
using Shop.Ordering.Worker.Outbox;
using Shop.Ordering.Worker.Payments;
using Shop.Ordering.Worker.Workflow;
using Shop.Security;

namespace Shop.Ordering.Worker.Extensions;

public static class OrderingExtensions
{
    public static TBuilder AddOrdering<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBuyerTokens();
        builder.AddOperatorKey();

        // One pool per replica: EF Core, the schema and the payment gateway share this data source.
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.OrderingDatabase)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.OrderingDatabase} is not configured.");
        builder.Services.AddSingleton(services => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());

        // The compiled model (Infrastructure/CompiledModel, from `dotnet ef dbcontext optimize`) spares the first query
        // of a cold start the model building; rerun the command whenever an entity or configuration changes.
        builder.Services.AddDbContextPool<OrderingContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .UseModel(OrderingContextModel.Instance));

        // Aspire's integration adds its health check and, when the service exports telemetry, Npgsql's traces and
        // metrics. The workflow and the outbox begin their own transactions, which EF's retrying execution strategy
        // refuses; a message that fails on a dropped connection is retried by the bus, the outbox by its sweep.
        builder.EnrichNpgsqlDbContext<OrderingContext>(settings =>
        {
            settings.DisableRetry = true;
            settings.DisableTracing = settings.DisableMetrics = !builder.ExportsTelemetry();
        });

        // Hosted services start in registration order and stop in reverse: the cleaner of sent outbox rows stops after
        // the bus (the last handlers' rows are deleted), and the outbox sweep stops before the bus does.
        builder.Services.AddSingleton<SentRowsCleaner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SentRowsCleaner>());
        builder.AddOrderingBus();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OutboxSweepService>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddScoped<OrderWorkflow>();
        builder.Services.AddSingleton<OrderClaims>();

        builder.Services.AddStrictJson(OrderingJsonContext.Default);
        return builder;
    }
}
