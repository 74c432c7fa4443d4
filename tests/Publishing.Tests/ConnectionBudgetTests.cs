using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Shop.Hosting.Publishing;

namespace Shop.Publishing.Tests;

/// <summary>The publisher sizes the PostgreSQL pools from the model, and refuses a model the server cannot serve.</summary>
public sealed class ConnectionBudgetTests
{
    private static readonly string _anyProject = Path.Combine(PublishedProject.RepositoryRoot, "Catalog.Api", "Catalog.Api.csproj");

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

    private static async Task<Dictionary<string, string>> PublishAsync(int services)
    {
        var builder = PublishedProject.PublishModeBuilder();
        var database = builder.AddPostgres("postgres").AddDatabase("shopdb");
        for (var i = 0; i < services; i++)
        {
            builder.AddProject($"api{i}", _anyProject)
                .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
                .WithReference(database);
        }

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
