using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Shop.Ordering.Worker.Apis;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Messaging;
using Shop.Ordering.Worker.Outbox;
using Shop.Ordering.Worker.Payments;
using Shop.Ordering.Worker.Workflow;

namespace Shop.Ordering.Worker.Extensions;

public static class OrderingExtensions
{
    public const string DatabaseName = "orderingdb";

    public static TBuilder AddOrdering<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBuyerTokens();
        builder.AddOperatorKey();

        // Read when first resolved rather than here, so that test hosts can still supply the connection string.
        builder.Services.AddSingleton(services => new NpgsqlDataSourceBuilder(
                services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseName} is not configured."))
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddDbContextPool<OrderingContext>(
            (services, options) => options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<OrderingContext>(DatabaseName);

        // Hosted services start in registration order: the schema is in place before the bus takes a message, and the
        // outbox sweep stops before the bus does.
        builder.Services.AddSingleton<OrderingSchema>();
        builder.Services.AddHostedService<OrderingSchemaService>();
        builder.Services.AddOrderingBus();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OutboxSweepService>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddScoped<OrderWorkflow>();

        builder.Services.AddStrictJson(OrderingJsonContext.Default);
        return builder;
    }
}
