using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>Reads the resources table from the orchestrator's snapshots and the app model's annotations.</summary>
internal sealed class ResourceTable(DistributedApplication application, SecretMasker masker)
{
    public IReadOnlyList<ResourceDto> GetAll() => [.. application.ResourceNotifications.Snapshots.Select(ToDto)];

    public ResourceSnapshot? GetSnapshot(string name) => application.ResourceNotifications.GetSnapshot(name);

    public IAsyncEnumerable<ResourceSnapshot> WatchAsync(CancellationToken cancellationToken) =>
        application.ResourceNotifications.WatchAsync(cancellationToken);

    /// <summary>The controller of a resource the orchestrator runs itself; null for one that follows its parent.</summary>
    public ResourceController? GetController(string name) =>
        Find(name) is { } resource && IsControllable(resource) ? application.GetResourceController(name) : null;

    /// <summary>How long a stop may take before the resource is killed: the same as on Ctrl+C.</summary>
    public TimeSpan StopTimeout => application.Options.StopTimeout;

    public ResourceDto ToDto(ResourceSnapshot snapshot)
    {
        var resource = Find(snapshot.Name);
        return new ResourceDto(
            snapshot.Name,
            snapshot.Type,
            snapshot.State.ToString(),
            snapshot.Health.ToString(),
            snapshot.StartedAt,
            snapshot.Restarts,
            snapshot.ExitCode,
            snapshot.Message is null ? null : masker.Apply(snapshot.Message),
            snapshot.Urls,
            resource is null ? [] : EnvironmentOf(resource),
            resource is not null && IsControllable(resource),
            (resource as IResourceWithParent)?.Parent.Name);
    }

    private IResource? Find(string name) => application.Model.Resources.FirstOrDefault(r => r.Name == name);

    private static bool IsControllable(IResource resource) => resource.Annotations.OfType<ResourceRunnerAnnotation>().Any();

    /// <summary>The variables the app model gives the resource (references, service URLs, WithEnvironment), masked.</summary>
    private List<EnvironmentVariableDto> EnvironmentOf(IResource resource)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                callback.Apply(environment);
            }
        }
        catch (InvalidOperationException)
        {
            // Ports or parameters are not resolved until the application starts: show what is known.
        }

        return [.. environment.Select(e => new EnvironmentVariableDto(e.Key, masker.Apply(e.Value)))];
    }
}
