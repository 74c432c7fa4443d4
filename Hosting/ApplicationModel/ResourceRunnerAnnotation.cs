using Shop.Hosting.Orchestration;

namespace Shop.Hosting.ApplicationModel;

/// <summary>How the orchestrator runs a resource: each resource kind supplies its own runner, so adding
/// a kind touches neither the orchestrator nor the dashboard.</summary>
public sealed class ResourceRunnerAnnotation(string resourceType, Func<ResourceRunContext, IResourceRunner> create) : IResourceAnnotation
{
    /// <summary>A short type label for people ("Postgres", "Project").</summary>
    public string ResourceType { get; } = resourceType;

    public IResourceRunner Create(ResourceRunContext context) => create(context);
}

/// <summary>One run of one resource.</summary>
public interface IResourceRunner : IAsyncDisposable
{
    /// <summary>Launches the resource. Completes once it is launched; throws when it cannot start.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Cheap probe of whether the resource serves its purpose right now.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Completes with the exit code when the resource's process ends.</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Asks the resource to stop and waits for it, forcing it when the token fires.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
