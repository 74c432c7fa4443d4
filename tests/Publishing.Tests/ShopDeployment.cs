using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.Hosting.Publishing;

namespace Shop.Publishing.Tests;

/// <summary>The real app host's model, built in publish mode but never started, and the azd project it publishes, once
/// per test class.</summary>
public sealed class ShopDeployment : IAsyncLifetime
{
    private DistributedApplication? _application;

    public PublishedProject Published { get; } = new();

    public DistributedApplicationModel Model => Services.GetRequiredService<DistributedApplicationModel>();

    public IReadOnlyList<ProjectResource> Projects => [.. Model.Resources.OfType<ProjectResource>()];

    public async Task InitializeAsync()
    {
        // Once built, Aspire's testing builder lets the app host's entry point go on into Run(), which in publish mode
        // runs the publish pipeline: it must write into a scratch folder, never over the committed azure.yaml and infra/.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.AppHost>(
            ["publish", "--output", Published.ScratchDirectory]);
        _application = await builder.BuildAsync();
    }

    public async Task DisposeAsync()
    {
        if (_application is not null)
        {
            await _application.DisposeAsync();
        }

        Published.Dispose();
    }

    private IServiceProvider Services => (_application ?? throw new InvalidOperationException("Not initialized.")).Services;

    /// <summary>The names of the variables the model gives a project when published.</summary>
    public async Task<IReadOnlyCollection<string>> ModelEnvironmentAsync(ProjectResource project) =>
        [.. (await ModelEnvironment.ReadAsync(project, Services.GetRequiredService<DistributedApplicationExecutionContext>(), CancellationToken.None)).Variables.Keys];
}
