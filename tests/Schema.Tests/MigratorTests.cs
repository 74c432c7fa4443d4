using Npgsql;
using Shop.Contracts;
using static Shop.Schema.Tests.PostgresFixture;

namespace Shop.Schema.Tests;

/// <summary>The migrator as the app host and the deployment run it: a process that migrates every database and exits.</summary>
[Collection(Postgres.Name)]
public sealed class MigratorTests(PostgresFixture postgres)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task It_brings_every_database_to_the_latest_version_and_a_second_run_only_says_they_are_up_to_date()
    {
        var environment = await CreateDatabasesAsync();

        var first = await ProgramRun.RunAsync("Migrator", environment, _timeout);
        var second = await ProgramRun.RunAsync("Migrator", environment, _timeout);

        Assert.True(first.ExitCode == 0, string.Join('\n', first.Lines));
        Assert.Contains(first.Lines, line => line.Contains("Applied migration catalogdb/0006_search_vocabulary", StringComparison.Ordinal));
        Assert.Contains(first.Lines, line => line.Contains("Applied migration orderingdb/0002_retire_ordering_schema_stamp", StringComparison.Ordinal));
        Assert.Contains(first.Lines, line => line.Contains("Applied migration identitydb/0001_identity", StringComparison.Ordinal));
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(second.Lines, line => line.Contains("Applied migration", StringComparison.Ordinal));
        foreach (var database in ResourceNames.Databases)
        {
            Assert.Contains(second.Lines, line => line.Contains($"{database} is up to date at schema version {MigrationScript.LatestVersion(database)}", StringComparison.Ordinal));
            await using var dataSource = NpgsqlDataSource.Create(environment[$"ConnectionStrings__{database}"]);
            Assert.Equal(MigrationScript.LatestVersion(database), await ScalarAsync<int>(dataSource, "SELECT max(version) FROM schema_migrations"));
        }
    }

    [Fact]
    public async Task A_database_it_cannot_reach_makes_it_fail_with_a_non_zero_exit_code_and_a_reason()
    {
        var environment = await CreateDatabasesAsync();
        environment[$"ConnectionStrings__{ResourceNames.OrderingDatabase}"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=wrong;Database=orderingdb;Timeout=3";

        var run = await ProgramRun.RunAsync("Migrator", environment, _timeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, line => line.Contains("Migrating orderingdb failed", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, string>> CreateDatabasesAsync() => new()
    {
        [$"ConnectionStrings__{ResourceNames.CatalogDatabase}"] = await postgres.CreateDatabaseAsync(),
        [$"ConnectionStrings__{ResourceNames.OrderingDatabase}"] = await postgres.CreateDatabaseAsync(),
        [$"ConnectionStrings__{ResourceNames.IdentityDatabase}"] = await postgres.CreateDatabaseAsync(),
    };
}
