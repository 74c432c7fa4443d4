using Aspire.Hosting;
using Shop.Hosting.Projects;
using Shop.Testing;

namespace Shop.Hosting.Tests;

/// <summary>The restart policy of services that exit on their own (the restarts themselves are exercised on the booted
/// system in EndToEnd.Tests' ServiceRestartTests).</summary>
public sealed class RestartOnExitTests
{
    [Fact]
    public void The_back_off_doubles_from_one_second_up_to_thirty()
    {
        var policy = new RestartOnExitAnnotation();

        Assert.Equal<double>(
            [1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(0, 7).Select(exits => policy.DelayBefore(exits).TotalSeconds));
    }

    [Fact]
    public async Task A_project_that_others_wait_for_to_complete_may_not_be_restarted_on_exit()
    {
        // No server runs, so nothing is written to the data folder.
        var builder = TestServers.CreateBuilder(Path.Combine(Path.GetTempPath(), "shop-tests", Guid.NewGuid().ToString("N")));
        var migrator = builder.AddProject("migrator", Repository.ProjectFile("Migrator")).WithRestartOnExit();
        builder.AddProject("catalog-api", Repository.ProjectFile("Catalog.Api")).WaitForCompletion(migrator);
        await using var app = await builder.BuildAsync();

        var refused = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("'migrator' runs to completion", refused.Message, StringComparison.Ordinal);
    }
}
