using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Shop.Hosting.Publishing;

namespace Shop.Publishing.Tests;

/// <summary>The publisher sizes the PostgreSQL pools from the model, and refuses a model the server cannot serve.</summary>
public sealed class ConnectionBudgetTests
{
    private static readonly string _anyProject = Path.Combine(PublishedProject.RepositoryRoot, "Catalog.Api", "Catalog.Api.csproj");
    private static readonly string _migratorProject = Path.Combine(PublishedProject.RepositoryRoot, "Migrator", "Migrator.csproj");

    [Fact]
    public async Task Database_clients_that_would_overdraw_the_server_stop_publishing_with_their_names()
    {
        // Nine services at four replicas each: 36 pools of at least one connection, for 35.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PublishAsync(services: 9));

        Assert.Contains("'postgres' admits 35 connections", error.Message, StringComparison.Ordinal);
        Assert.Contains("api8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pool_is_the_server_s_connections_shared_by_every_client_replica()
    {
        // Three services at four replicas each: (35 - 2 spare) / 12 = 2 per pool.
        var files = await PublishAsync(services: 3);

        Assert.Contains("Maximum Pool Size=2'", files["infra/main.bicep"], StringComparison.Ordinal);
        Assert.DoesNotContain("Maximum Pool Size=3'", files["infra/main.bicep"], StringComparison.Ordinal);
    }

    /// <summary>The shop's clients of PostgreSQL with the accounts database of issue 18 (WebFrontend's Identity store on
    /// the same server): the server's module creates it with the others, and the frontend's pool comes out of the same
    /// budget, which caps the frontend at the clients' replica limit and shrinks every pool.</summary>
    [Fact]
    public async Task An_identity_database_is_created_on_the_shared_server_and_its_client_shares_the_connection_budget()
    {
        var files = await PublishAsync(builder =>
        {
            var postgres = builder.AddPostgres("postgres");
            var catalogDb = postgres.AddDatabase("catalogdb");
            var orderingDb = postgres.AddDatabase("orderingdb");
            var identityDb = postgres.AddDatabase("identitydb");
            var migrator = Client(builder, "migrator", _migratorProject, catalogDb, orderingDb, identityDb);
            Client(builder, "catalog-api", _anyProject, catalogDb).WaitForCompletion(migrator);
            Client(builder, "ordering-worker", _anyProject, orderingDb).WaitForCompletion(migrator);
            Client(builder, "webfrontend", _anyProject, identityDb).WaitForCompletion(migrator);
        });

        var main = files["infra/main.bicep"];
        Assert.Matches(@"databases: \[\s*'catalogdb'\s*'orderingdb'\s*'identitydb'\s*\]", main);
        Assert.Contains("Database=identitydb;Ssl Mode=Require;Maximum Pool Size=2'", main, StringComparison.Ordinal);
        Assert.Contains("maxReplicas: 4", files["infra/webfrontend.bicep"], StringComparison.Ordinal);
        // (35 − 2 spare) ÷ (4 + 4 + 4 replicas + the migrator's 3 databases) = 2 per pool, where it is 3 without accounts.
        Assert.DoesNotContain("Maximum Pool Size=3'", main, StringComparison.Ordinal);
    }

    private static IResourceBuilder<ProjectResource> Client(
        IDistributedApplicationBuilder builder, string name, string projectPath, params IResourceBuilder<IResourceWithConnectionString>[] databases)
    {
        var project = builder.AddProject(name, projectPath).WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString);
        foreach (var database in databases)
        {
            project.WithReference(database);
        }

        return project;
    }

    private static Task<Dictionary<string, string>> PublishAsync(int services) => PublishAsync(builder =>
    {
        var database = builder.AddPostgres("postgres").AddDatabase("shopdb");
        for (var i = 0; i < services; i++)
        {
            builder.AddProject($"api{i}", _anyProject)
                .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
                .WithReference(database);
        }
    });

    private static async Task<Dictionary<string, string>> PublishAsync(Action<IDistributedApplicationBuilder> model)
    {
        var builder = PublishedProject.PublishModeBuilder();
        model(builder);
        await using var application = builder.Build();
        var publisher = PublishedProject.PublisherFor(application);
        var output = Path.Combine(Path.GetTempPath(), "shop-tests", "budget-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await publisher.PublishAsync(output);
            return PublishedProject.ReadFiles(output);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
