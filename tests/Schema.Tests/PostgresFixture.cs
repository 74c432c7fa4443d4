using System.Diagnostics.CodeAnalysis;
using Aspire.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Hosting.Postgres;
using Shop.Testing;

namespace Shop.Schema.Tests;

/// <summary>One real PostgreSQL server for the assembly; each test creates its own empty databases on it.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class PostgresFixture : IAsyncLifetime
{
    private StartedApplication? _app;

    public async Task InitializeAsync()
    {
        var builder = TestServers.CreateBuilder();
        builder.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime();
        _app = await builder.StartAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() =>
        (_app ?? throw new InvalidOperationException("PostgreSQL has not started.")).CreateDatabaseAsync("postgres", $"schema_{Guid.NewGuid():N}");

    public static Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string database) =>
        new SchemaMigrator(dataSource, database, NullLogger.Instance).MigrateAsync(CancellationToken.None);

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
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
public sealed class Postgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
