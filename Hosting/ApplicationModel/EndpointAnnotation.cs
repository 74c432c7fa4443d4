namespace Shop.Hosting.ApplicationModel;

/// <summary>A port a resource listens on. <see cref="Port"/> is the requested port (null: any free one);
/// <see cref="AllocatedPort"/> is set by the orchestrator before anything starts.</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port = null, int? targetPort = null) : IResourceAnnotation
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    public int? Port { get; } = port;

    /// <summary>The port inside a container, or the port a deployed service listens on.</summary>
    public int? TargetPort { get; } = targetPort;

    /// <summary>Reachable from outside the application (the only public ingress when deployed).</summary>
    public bool IsExternal { get; set; }

    public int? AllocatedPort { get; set; }

    public string Url => $"{Scheme}://localhost:{AllocatedPort ?? throw new InvalidOperationException($"Endpoint '{Name}' has no port yet.")}";
}
