namespace Shop.Catalog.Api.Infrastructure;

/// <summary>Migrates before the server starts listening, so no request ever sees an old schema.</summary>
internal sealed class CatalogMigrationService(CatalogMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
