using Shop.Hosting;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Testing;

namespace Shop.Publishing.Tests;

public sealed class PublishVerbTests
{
    [Fact]
    public void The_publish_verb_and_its_output_folder_are_read_from_the_command_line()
    {
        var options = DistributedApplicationOptions.FromArgs(["publish", "--output", "/tmp/azd"]);

        Assert.True(options.Publish);
        Assert.Equal("/tmp/azd", options.PublishOutputDirectory);
        Assert.False(DistributedApplicationOptions.FromArgs([]).Publish);
        Assert.Null(DistributedApplicationOptions.FromArgs(["publish"]).PublishOutputDirectory);
        Assert.Throws<ArgumentException>(() => DistributedApplicationOptions.FromArgs(["publish", "--output"]));
    }

    [Fact]
    public void Publishing_needs_neither_server_programs_nor_a_container_engine_on_the_path()
    {
        var output = Path.Combine(Path.GetTempPath(), "shop-tests", "publish-nopath-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exitCode, log) = PublishedProject.RunAppHost(
                ["publish", "--output", output, "--state-dir", Path.Combine(output, ".state")],
                new Dictionary<string, string> { ["PATH"] = "/nonexistent" });

            Assert.True(exitCode == 0, log);
            Assert.True(File.Exists(Path.Combine(output, "infra", "main.bicep")), log);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_resource_whose_kind_has_no_Azure_deployment_stops_publishing_with_its_name()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddResource(new UndeployableResource("sidecar"));
        await using var application = builder.Build();
        var output = Path.Combine(Path.GetTempPath(), "shop-tests", "publish-" + Guid.NewGuid().ToString("N")[..8]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new AzdPublisher(application.Model, PublishedProject.RepositoryRoot).PublishAsync(output));

        Assert.Contains("'sidecar'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private sealed class UndeployableResource(string name) : Resource(name);
}
