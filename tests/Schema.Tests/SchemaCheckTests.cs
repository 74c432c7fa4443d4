using Npgsql;
using Shop.Contracts;

namespace Shop.Schema.Tests;

/// <summary>The services do not migrate: started on a database the migrator has not brought up to date, each says so
/// in one line and exits, before it listens or takes a message.</summary>
[Collection(Postgres.Name)]
public sealed class SchemaCheckTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Catalog.Api", ResourceNames.CatalogDatabase)]
    [InlineData("Ordering.Worker", ResourceNames.OrderingDatabase)]
    public async Task A_service_on_an_older_schema_exits_with_one_line_that_names_the_versions(string project, string database)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            // All but the newest migration: the database of the previous release.
            var scripts = MigrationScript.LoadAll(database);
            await using var older = dataSource.CreateCommand(string.Concat(scripts.SkipLast(1).Select(script => script.Sql))
                + $"CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL); INSERT INTO schema_migrations SELECT generate_series(1, {scripts[^1].Version - 1}), now();");
            await older.ExecuteNonQueryAsync();
        }

        var run = await ProgramRun.RunAsync(project, new Dictionary<string, string>
        {
            [$"ConnectionStrings__{database}"] = connectionString,
            [$"ConnectionStrings__{ResourceNames.Messaging}"] = "amqp://nobody:nothing@127.0.0.1:1",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        }, TimeSpan.FromMinutes(1));

        var latest = MigrationScript.LatestVersion(database);
        Assert.Equal(1, run.ExitCode);
        var reasons = run.Lines.Where(line => line.Contains("schema version", StringComparison.Ordinal)).ToList();
        Assert.True(reasons.Count == 1, $"Expected one line naming the schema version; the output was:\n{string.Join('\n', run.Lines)}");
        var reason = reasons[0];
        Assert.Contains($"{database} is at schema version {latest - 1} but this build needs {latest}", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => line.Contains("Now listening", StringComparison.Ordinal));
    }
}
