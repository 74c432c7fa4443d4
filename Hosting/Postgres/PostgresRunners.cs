using Npgsql;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Containers;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Postgres;

internal static class PostgresRunners
{
    private const string DebianBinaries = "/usr/lib/postgresql/*/bin";

    public static IResourceRunner Create(ResourceRunContext context, PostgresServerResource server)
    {
        if (context.ContainerEngine is { } engine)
        {
            var port = server.Endpoint.AllocatedPort!.Value;
            var spec = new ContainerSpec("postgres:17", new Dictionary<int, int> { [port] = 5432 })
            {
                Environment = new Dictionary<string, string>
                {
                    ["POSTGRES_USER"] = PostgresServerResource.UserName,
                    ["POSTGRES_PASSWORD"] = server.Password.Value,
                },
                DataPath = "/var/lib/postgresql/data",
            };
            return new ContainerRunner(context, engine, spec, ct => IsHealthyAsync(server, ct), ct => CreateDatabasesAsync(server, ct));
        }

        var initdb = LocalPrograms.Find("initdb", DebianBinaries);
        var postgres = LocalPrograms.Find("postgres", DebianBinaries);
        if (initdb is null || postgres is null)
        {
            throw new PrerequisiteMissingException("PostgreSQL", ["initdb", "postgres"], "postgresql");
        }

        return new PostgresLocalRunner(context, server, initdb, postgres);
    }

    public static async Task<bool> IsHealthyAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.GetConnectionString() + ";Pooling=false;Timeout=3");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    /// <summary>Creates each database of the model that does not exist yet.</summary>
    public static async Task CreateDatabasesAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.GetConnectionString() + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
            exists.Parameters.Add(new NpgsqlParameter { Value = database.DatabaseName });
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                // Identifiers cannot be parameters; the name is a validated resource-style name, quoted anyway.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
