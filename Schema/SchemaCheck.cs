using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.Schema;

/// <summary>The services do not migrate (every start of theirs may be a cold start); they only check, with one query,
/// that the migrator has brought their database to the version they were built with.</summary>
public static partial class SchemaCheck
{
    /// <summary>False, after one log line that says why, when the database is older than this build: the service then
    /// exits instead of failing on its first query. A newer database is fine (migrations only add).</summary>
    public static async Task<bool> HasCurrentSchemaAsync(this IHost host, string database, CancellationToken cancellationToken = default)
    {
        var required = MigrationScript.LatestVersion(database);
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        var applied = await SchemaMigrator.ReadAppliedVersionAsync(connection, cancellationToken);
        if (applied >= required)
        {
            return true;
        }

        LogOlderSchema(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchemaCheck)), database, applied, required);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Database} is at schema version {Applied} but this build needs {Required}: run the migrator (the app host and the deployment run it before the services), then start again")]
    private static partial void LogOlderSchema(ILogger logger, string database, int applied, int required);
}
