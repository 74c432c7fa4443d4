using System.Diagnostics.CodeAnalysis;
using Npgsql;
using Shop.Hosting.Postgres;
using Shop.Hosting.Testing;

namespace Shop.Catalog.Api.Tests;

/// <summary>One real PostgreSQL server for the test assembly; each test asks it for a fresh, empty database.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestingApplication? _app;
    private string? _serverConnectionString;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("postgres");
        _app = new TestingApplication(builder.Build());
        await _app.StartAndWaitHealthyAsync(TimeSpan.FromSeconds(90));
        _serverConnectionString = _app.GetConnectionString("postgres");
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var server = _serverConnectionString ?? throw new InvalidOperationException("PostgreSQL has not started.");
        var name = $"catalog_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServer : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
