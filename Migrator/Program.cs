using Npgsql;
using Shop.Contracts;
using Shop.Schema;

// Brings every Shop database to the schema of this build, then exits: once per deployment, before the services start
// (the app host waits for it to complete; in Azure it is a job the deployment runs). The services only check.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

using var host = builder.Build();
await host.StartAsync();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Migrator");
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

var exitCode = 0;
foreach (var database in ResourceNames.Databases)
{
    try
    {
        var connectionString = builder.Configuration.GetConnectionString(database)
            ?? throw new InvalidOperationException($"ConnectionStrings:{database} is not configured.");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, database, logger).MigrateAsync(stopping);
    }
    catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or OperationCanceledException)
    {
        logger.LogCritical(ex, "Migrating {Database} failed; nothing of the failed migration was applied", database);
        exitCode = 1;
        break;
    }
}

// Stopping flushes the telemetry, so the dashboard shows the run.
await host.StopAsync(CancellationToken.None);
return exitCode;
