using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.Catalog.Api.Apis;
using Shop.Catalog.Api.Infrastructure;

namespace Shop.Catalog.Api.Extensions;

public static class CatalogExtensions
{
    public const string DatabaseName = "catalogdb";

    public static TBuilder AddCatalog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Read when first resolved rather than here, so that test hosts can still supply the connection string.
        builder.Services.AddSingleton(services => new NpgsqlDataSourceBuilder(
                services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseName} is not configured."))
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddDbContextPool<CatalogContext>(
            (services, options) => options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<CatalogContext>(DatabaseName);

        builder.Services.AddSingleton<CatalogMigrator>();
        builder.Services.AddHostedService<CatalogMigrationService>();

        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, CatalogJsonContext.Default));
        return builder;
    }
}
