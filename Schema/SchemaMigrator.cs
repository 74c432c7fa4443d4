using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.Schema;

/// <summary>Applies the embedded migrations that a database has not seen yet. Runs once per deployment (the migrator),
/// but is safe if two runs overlap: the work happens in one transaction under an advisory lock, and a database that is
/// up to date costs one query.</summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, string database, ILogger logger)
{
    // Any constant that no other code uses as an advisory lock key; advisory locks are per database ("ShopSche").
    private const long LockKey = 0x53686F7053636865;

    private readonly IReadOnlyList<MigrationScript> _scripts = MigrationScript.LoadAll(database);

    /// <summary>Returns the versions it applied: none when the database was already up to date.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await ReadAppliedVersionAsync(connection, cancellationToken) >= _scripts[^1].Version)
        {
            LogUpToDate(database, _scripts[^1].Version);
            return [];
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await LockAndReadAppliedVersionAsync(connection, cancellationToken);
        var pending = _scripts.Where(script => script.Version > applied).ToList();
        foreach (var script in pending)
        {
            await ApplyAsync(connection, script, cancellationToken);
            LogApplied(script.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. pending.Select(script => script.Version)];
    }

    /// <summary>The highest version applied; 0 for a database never migrated (it has no table yet).</summary>
    public static async Task<int> ReadAppliedVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        try
        {
            return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>Inside the transaction: waits for any other run to commit, then reads the version again. The table is
    /// created under the lock because concurrent CREATE TABLE IF NOT EXISTS can still collide.</summary>
    private static async Task<int> LockAndReadAppliedVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter<long> { TypedValue = LockKey } } },
                new NpgsqlBatchCommand("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)"),
                new NpgsqlBatchCommand("SELECT coalesce(max(version), 0) FROM schema_migrations"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt32(0);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        // A plain command rather than a batch command: Npgsql splits a script of several statements only there.
        await using var migration = new NpgsqlCommand(script.Sql, connection);
        await migration.ExecuteNonQueryAsync(cancellationToken);
        await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())", connection)
        {
            Parameters = { new NpgsqlParameter<int> { TypedValue = script.Version } },
        };
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private partial void LogApplied(string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Database} is up to date at schema version {Version}")]
    private partial void LogUpToDate(string database, int version);
}
