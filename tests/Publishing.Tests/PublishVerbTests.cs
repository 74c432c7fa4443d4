using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Shop.Hosting.Publishing;

namespace Shop.Publishing.Tests;

public sealed class PublishVerbTests
{
    [Fact]
    public void The_publish_verb_becomes_Aspire_s_publish_operation_and_its_output_folder_the_pipeline_s_output_path()
    {
        Assert.Equal(["--operation", "publish", "--step", "publish", "--output-path", "/tmp/azd"], PublishVerb.Expand(["publish", "--output", "/tmp/azd"]));
        Assert.Equal(["--operation", "publish", "--step", "publish"], PublishVerb.Expand(["publish"]));
        Assert.Equal(["--no-browser", "publish"], PublishVerb.Expand(["--no-browser", "publish"]));
        Assert.Empty(PublishVerb.Expand([]));
        Assert.Throws<ArgumentException>(() => PublishVerb.Expand(["publish", "--output"]));
    }

    [Fact]
    public void Publishing_needs_neither_server_programs_nor_a_container_engine_on_the_path()
    {
        var output = Path.Combine(Path.GetTempPath(), "shop-tests", "publish-nopath-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exitCode, log) = PublishedProject.RunAppHost(["publish", "--output", output], new Dictionary<string, string> { ["PATH"] = "/nonexistent" });

            Assert.True(exitCode == 0, log);
            Assert.True(File.Exists(Path.Combine(output, "infra", "main.bicep")), log);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void A_publish_that_fails_exits_with_an_error_and_says_why()
    {
        var (exitCode, log) = PublishedProject.RunAppHost(["publish", "--output", "/dev/null/azd"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("/dev/null/azd", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_whose_kind_has_no_Azure_deployment_stops_publishing_with_its_name()
    {
        var builder = PublishedProject.PublishModeBuilder();
        builder.AddResource(new UndeployableResource("sidecar"));
        await using var application = builder.Build();
        var publisher = PublishedProject.PublisherFor(application);
        var output = Path.Combine(Path.GetTempPath(), "shop-tests", "publish-" + Guid.NewGuid().ToString("N")[..8]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(output));

        Assert.Contains("'sidecar'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private sealed class UndeployableResource(string name) : Resource(name);
}
