using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Containers;
using Shop.Hosting.Otlp;

namespace Shop.Hosting.Orchestration;

/// <summary>What a runner gets to run its resource with.</summary>
public sealed class ResourceRunContext(
    IResource resource,
    DistributedApplicationOptions options,
    StateFolder state,
    ResourceLogStore logs,
    ContainerEngine? containerEngine)
{
    public IResource Resource { get; } = resource;

    public DistributedApplicationOptions Options { get; } = options;

    public StateFolder State { get; } = state;

    /// <summary>Null when no container engine answers: servers then run as local processes.</summary>
    public ContainerEngine? ContainerEngine { get; } = containerEngine;

    /// <summary>Where the resource sends traces, logs and metrics; null when no dashboard runs.</summary>
    public OtlpExporterSettings? Telemetry { get; init; }

    /// <summary>This resource's own data folder inside the state folder.</summary>
    public string Directory => State.GetResourceDirectory(Resource.Name);

    /// <summary>Records a line of the resource's console output.</summary>
    public void Log(string text, bool isError = false) => logs.Add(Resource.Name, text, isError);

    /// <summary>Starts a child process whose output goes to this resource's log.</summary>
    public Task<ChildProcess> StartProcessAsync(ChildProcessSpec spec) =>
        ChildProcess.StartAsync(spec with { Environment = new Dictionary<string, string>(spec.Environment) { [StateFolder.ProcessMarkerVariable] = State.Path } }, Log);
}
