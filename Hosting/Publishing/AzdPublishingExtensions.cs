// Aspire's pipeline API is marked experimental (ASPIREPIPELINES*); it is how a publisher joins `publish` in Aspire 13.
#pragma warning disable ASPIREPIPELINES001, ASPIREPIPELINES004

using Aspire.Hosting;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Hosting.Publishing;

public static class AzdPublishingExtensions
{
    /// <summary>The pipeline step that writes the azd project.</summary>
    public const string StepName = "publish-azd";

    /// <summary>Adds the azd project to Aspire's publish pipeline: <c>publish</c> (see <see cref="PublishVerb"/>) writes
    /// azure.yaml and infra/ to <c>--output-path</c>, or else beside the app host project's folder, where they are
    /// committed. Aspire's Azure publishers are not served here, so this one stands in for them.</summary>
    public static IDistributedApplicationBuilder AddAzdPublisher(this IDistributedApplicationBuilder builder)
    {
        var applicationRoot = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(builder.AppHostDirectory))
            ?? throw new InvalidOperationException($"The app host folder {builder.AppHostDirectory} has no parent to hold azure.yaml.");

        // Not after publish-prereq: that step resolves every parameter's value, and the deployment needs none of them
        // (azd generates the secrets in Azure), so publishing never creates or asks for a local secret.
        builder.Pipeline.AddStep(StepName, context => PublishAsync(context, applicationRoot), requiredBy: WellKnownPipelineSteps.Publish);
        return builder;
    }

    private static async Task PublishAsync(PipelineStepContext context, string applicationRoot)
    {
        var outputPath = context.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.OutputPath;
        var output = Path.GetFullPath(outputPath ?? applicationRoot);
        var publisher = new AzdPublisher(context.Model, context.ExecutionContext, applicationRoot);
        IReadOnlyList<string> files;
        try
        {
            files = await publisher.PublishAsync(output, context.CancellationToken);
        }
        catch
        {
            // Aspire logs a failed step and stops the app host, which still exits with 0; a script or CI job running
            // `publish` must see the failure.
            Environment.ExitCode = 1;
            throw;
        }

        context.Logger.LogInformation(
            "Wrote the azd project to {Output}: {Files}. Deploy it with `azd up` from the folder that holds azure.yaml.",
            output, string.Join(", ", files));
    }
}
