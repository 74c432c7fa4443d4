using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Projects;
using Shop.Hosting.Testing;

namespace Shop.Publishing.Tests;

/// <summary>The real app host's model and the azd project it publishes, once per test class.</summary>
public sealed class ShopDeployment : IAsyncLifetime
{
    private TestingApplication? _application;

    public PublishedProject Published { get; } = new();

    public DistributedApplicationModel Model => (_application ?? throw new InvalidOperationException("Not initialized.")).Application.Model;

    public IReadOnlyList<ProjectResource> Projects => [.. Model.Resources.OfType<ProjectResource>()];

    public async Task InitializeAsync() => _application = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.AppHost>();

    public async Task DisposeAsync()
    {
        if (_application is not null)
        {
            await _application.DisposeAsync();
        }

        Published.Dispose();
    }

    /// <summary>The variables the model gives a project, as names: what it reads locally from its references.</summary>
    public static IReadOnlyCollection<string> ModelEnvironment(ProjectResource project)
    {
        var environment = new Dictionary<string, EnvironmentValue>();
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.ApplyReferences(environment);
        }

        return environment.Keys;
    }
}
