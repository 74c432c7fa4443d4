using Npgsql;

namespace Shop.Ordering.Worker.Infrastructure;

/// <summary>Creates or updates the ordering tables from one idempotent script. A database that is up to date costs a
/// single query; replicas starting together take turns on an advisory lock, and the later ones change nothing.</summary>
public sealed partial class OrderingSchema(NpgsqlDataSource dataSource, ILogger<OrderingSchema> logger)
{
    /// <summary>The version the script stamps; raised with every change to it.</summary>
    public const int Version = 1;

    private static readonly Lazy<string> _script = new(ReadScript);

    /// <summary>Returns whether it ran the script: false when the database already had this version.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await ReadVersionAsync(cancellationToken) >= Version)
        {
            return false;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('shop.ordering.schema', 0))", connection, transaction))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var script = new NpgsqlCommand(_script.Value, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogUpdated(Version);
        return true;
    }

    /// <summary>0 for a database that has never seen the script.</summary>
    public async Task<int> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM ordering_schema");
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static string ReadScript()
    {
        using var stream = typeof(OrderingSchema).Assembly.GetManifestResourceStream("ordering-schema.sql")
            ?? throw new InvalidOperationException("The ordering schema script is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ordering schema updated to version {Version}")]
    private partial void LogUpdated(int version);
}
