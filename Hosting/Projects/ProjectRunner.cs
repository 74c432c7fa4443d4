using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Projects;

/// <summary>Runs a service from its build output with the environment DESIGN.md promises every service:
/// connection strings and service URLs from its references, its listening URL, and OpenTelemetry settings.</summary>
internal sealed class ProjectRunner(ResourceRunContext context, ProjectResource project) : LocalServerRunner
{
    private static readonly HttpClient _health = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>SIGTERM is the .NET host's graceful stop: it stops taking work and finishes what it holds.</summary>
    protected override PosixSignalNumber StopSignal => PosixSignalNumber.Term;

    private EndpointAnnotation Endpoint => project.GetEndpoint("http");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(project.AssemblyPath))
        {
            throw new FileNotFoundException($"{project.AssemblyPath} is not built: build the app host (it builds every service project).");
        }

        Server = await context.StartProcessAsync(new ChildProcessSpec("dotnet", [project.AssemblyPath])
        {
            WorkingDirectory = Path.GetDirectoryName(project.AssemblyPath),
            Environment = BuildEnvironment(),
        });
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        using var response = await _health.GetAsync(new Uri(new Uri(Endpoint.Url), "/health"), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    internal Dictionary<string, string> BuildEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Endpoint.Url,
            ["ASPNETCORE_ENVIRONMENT"] = context.Options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = context.Options.EnvironmentName,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{Guid.NewGuid():N}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Console lines are captured and prefixed by the AppHost: no colours, one line per entry.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled",
        };

        if (context.Telemetry is { } telemetry)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Endpoint.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = telemetry.Headers;
            // The SDK's defaults (5 s batches, 60 s metric exports) are for production; the dashboard is watched live.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Apply(environment);
        }

        return environment;
    }
}
