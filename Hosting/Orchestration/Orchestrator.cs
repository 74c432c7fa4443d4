using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Containers;
using Shop.Hosting.Otlp;

namespace Shop.Hosting.Orchestration;

/// <summary>Runs the model: resolves parameters, allocates ports, starts each resource once the resources it
/// waits for are healthy, watches health, and stops everything in reverse order.</summary>
public sealed class Orchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationOptions _options;
    private readonly OtlpExporterSettings? _telemetry;
    private readonly Dictionary<string, ResourceController> _controllers = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="telemetry">Where resources send telemetry (the dashboard's receiver); null for nowhere.</param>
    public Orchestrator(DistributedApplicationModel model, DistributedApplicationOptions options, OtlpExporterSettings? telemetry = null)
    {
        _model = model;
        _options = options;
        _telemetry = telemetry;
        State = new StateFolder(options.StateDirectory);
        Logs = new ResourceLogStore(capacityPerResource: 5_000, echoToConsole: options.EchoResourceLogs);
    }

    public StateFolder State { get; }

    public ResourceLogStore Logs { get; }

    public ResourceNotificationService Notifications { get; } = new();

    /// <summary>Resolves parameters and ports and creates every runner; throws before anything starts when a
    /// prerequisite is missing, so a half-started system never needs cleaning up.</summary>
    public void Prepare()
    {
        foreach (var parameter in _model.Resources.OfType<ParameterResource>())
        {
            parameter.Value = _model.Configuration[$"Parameters:{parameter.Name}"] switch
            {
                { Length: > 0 } configured => configured,
                _ when parameter.Secret => State.GetOrCreateSecret($"parameter:{parameter.Name}"),
                _ => throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' has no value: set the environment variable Parameters__{parameter.Name} or Parameters:{parameter.Name} in appsettings.json."),
            };
        }

        foreach (var endpoint in _model.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.AllocatedPort = endpoint.Port is { } port && !_options.RandomizePorts ? port : PortAllocator.GetFreePort();
        }

        var engine = _options.DisableContainers ? null : ContainerEngine.Detect();
        var missing = new List<PrerequisiteMissingException>();
        foreach (var resource in _model.Resources)
        {
            if (resource.Annotations.OfType<ResourceRunnerAnnotation>().LastOrDefault() is not { } runner)
            {
                continue;
            }

            try
            {
                var context = new ResourceRunContext(resource, _options, State, Logs, engine) { Telemetry = _telemetry };
                _controllers[resource.Name] = new ResourceController(resource, runner, context, Notifications, _stopping.Token);
            }
            catch (PrerequisiteMissingException ex)
            {
                missing.Add(ex);
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(PrerequisiteMissingException.Describe(missing));
        }

        foreach (var resource in _model.Resources.Where(r => r is not ParameterResource))
        {
            var type = resource is IResourceWithParent child
                ? TypeOf(child.Parent) + "Database"
                : TypeOf(resource);
            Notifications.Register(new ResourceSnapshot(resource.Name, type, ResourceState.NotStarted, HealthStatus.Unknown, null, null, 0, null, UrlsOf(resource)));
        }
    }

    /// <summary>Starts every resource in the background; each one waits for what it waits for.</summary>
    public void Start()
    {
        foreach (var child in _model.Resources.OfType<IResourceWithParent>())
        {
            _ = MirrorParentAsync(child, _stopping.Token);
        }

        foreach (var controller in _controllers.Values)
        {
            controller.Start();
        }
    }

    public ResourceController GetController(string resource) =>
        _controllers.TryGetValue(resource, out var controller)
            ? controller
            : throw new InvalidOperationException($"Resource '{resource}' is not run by the orchestrator.");

    /// <summary>Stops dependents before what they depend on, within the stop timeout.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(_options.StopTimeout);
        foreach (var tier in _controllers.Values.GroupBy(c => DependencyDepth(c.Resource)).OrderByDescending(g => g.Key))
        {
            await Task.WhenAll(tier.Select(c => c.StopAsync(timeout.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var controller in _controllers.Values)
        {
            await controller.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private int DependencyDepth(IResource resource, int guard = 0)
    {
        if (guard > _model.Resources.Count)
        {
            throw new InvalidOperationException($"Resource '{resource.Name}' waits for itself through a cycle.");
        }

        var waits = resource.Annotations.OfType<WaitAnnotation>()
            .Select(w => w.Resource is IResourceWithParent child ? child.Parent : w.Resource)
            .ToList();
        return waits.Count == 0 ? 0 : 1 + waits.Max(w => DependencyDepth(w, guard + 1));
    }

    private async Task MirrorParentAsync(IResourceWithParent child, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in Notifications.WatchAsync(cancellationToken))
            {
                if (snapshot.Name == child.Parent.Name)
                {
                    Notifications.Publish(child.Name, s => s with
                    {
                        State = snapshot.State,
                        Health = snapshot.Health,
                        StartedAt = snapshot.StartedAt,
                        ExitCode = snapshot.ExitCode,
                        Message = snapshot.Message,
                        Restarts = snapshot.Restarts,
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string TypeOf(IResource resource) =>
        resource.Annotations.OfType<ResourceRunnerAnnotation>().LastOrDefault()?.ResourceType ?? resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal);

    private static List<string> UrlsOf(IResource resource) =>
        [.. resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Scheme is "http" or "https").Select(e => e.Url)];
}
