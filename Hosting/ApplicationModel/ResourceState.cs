namespace Shop.Hosting.ApplicationModel;

/// <summary>Lifecycle states, named as Aspire names them.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Exited,
    FailedToStart,
    Finished,
}

/// <summary>Health is kept apart from state: a Running resource may still be Unhealthy.</summary>
public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>What is known about a resource at one moment.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    ResourceState State,
    HealthStatus Health,
    DateTimeOffset? StartedAt,
    int? ExitCode,
    int Restarts,
    string? Message,
    IReadOnlyList<string> Urls)
{
    public bool IsTerminal => State is ResourceState.Exited or ResourceState.FailedToStart or ResourceState.Finished;
}
