using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Hosting.LocalServers;
using Shop.Security;
using Shop.Testing;

namespace Shop.Bench;

/// <summary>The booted system and the settings of this run, shared by the scenarios.</summary>
internal sealed class BenchContext
{
    private readonly BuyerTokens _tokens;

    private BenchContext(StartedApplication app, bool quick, Report report, string buyerTokenKey, string operatorKey)
    {
        App = app;
        Quick = quick;
        Report = report;
        OperatorKey = operatorKey;
        _tokens = new BuyerTokens(
            Options.Create(new BuyerTokenOptions { Key = buyerTokenKey, Lifetime = TimeSpan.FromHours(1) }),
            TimeProvider.System);
    }

    public StartedApplication App { get; }

    public Report Report { get; }

    public bool Quick { get; }

    /// <summary>The operator key the app host gives Catalog.Api (its <c>operator-key</c> parameter).</summary>
    public string OperatorKey { get; }

    public TimeSpan LoadDuration => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(5);

    /// <summary>Alternating rounds of a service and its baseline.</summary>
    public int Rounds => Quick ? 1 : 3;

    public TimeSpan WarmUpDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(3);

    public int ColdStarts => Quick ? 5 : 7;

    public int PipelineOrders => Quick ? 40 : 200;

    /// <summary>What could not be measured, and why: reported at the end instead of stopping the run.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>What the bench changes before the app host's model is built. The services run in Production, as
    /// deployed, rather than in their launch profile's Development. Each listens on a port the bench picks: DCP puts a
    /// proxy in front of every project endpoint (on a random port in testing), and the service's own port would
    /// otherwise be known only to DCP. They export no telemetry: with no dashboard, Aspire still points them at
    /// localhost:4317, where nothing listens, and tracing every request would be measured with them.</summary>
    public static void Prepare(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
                .WithEnvironment("DOTNET_ENVIRONMENT", "Production")
                .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"))
                .WithEndpoint("http", endpoint => endpoint.TargetPort = FreePorts.Next(), createIfNotExists: false);
        }

        QuietLogging(builder);
    }

    /// <summary>The app host echoes no resource logs, only its own warnings, so that the bench's progress stays readable.
    /// Rules naming categories rather than a minimum level: a configured Logging:LogLevel:Default would override a
    /// minimum level, but not a rule for a named category.</summary>
    public static void QuietLogging(IDistributedApplicationTestingBuilder builder)
    {
        builder.Services.AddLogging(logging => logging
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
    }

    public static async Task<BenchContext> CreateAsync(StartedApplication app, bool quick, Report report)
    {
        return new BenchContext(app, quick, report, await app.GetParameterValueAsync("buyer-token-key"), await app.GetParameterValueAsync("operator-key"));
    }

    /// <summary>Runs one measurement; a failure is recorded and the run goes on with the next one.</summary>
    public async Task MeasureAsync(string name, Func<Task> measure)
    {
        try
        {
            await measure();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failures.Add($"{name}: {ex.Message}");
            Console.Error.WriteLine($"  {name} could not be measured: {ex.Message}");
        }
    }

    /// <summary>The address the service itself listens on (its endpoint's target port), not DCP's proxy in front of it:
    /// the bench loads and measures the service, as the old bench did, while the services still reach each other
    /// through the proxies, as under <c>dotnet run --project AppHost</c>.</summary>
    public Uri ServiceAddress(string resource) => new($"http://127.0.0.1:{ServicePort(resource)}");

    public Uri Url(string resource, string pathAndQuery) => new(ServiceAddress(resource), pathAndQuery);

    public int ServicePort(string resource) =>
        Project(resource).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").TargetPort
            ?? throw new InvalidOperationException($"'{resource}' has no target port: Prepare gives every project one.");

    public ProjectResource Project(string resource) =>
        App.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().Single(p => p.Name == resource);

    public string ProjectPath(string resource) => Project(resource).GetProjectMetadata().ProjectPath;

    /// <summary>The service's assembly in the build output the app host runs (<c>dotnet run --no-build</c>).</summary>
    public string BuildOutput(string resource) => Repository.BuildOutput(Path.GetFileNameWithoutExtension(ProjectPath(resource)));

    /// <summary>The environment the AppHost gives a service (connection strings, service URLs, keys), for starting
    /// another instance of it beside the running one: the project's environment callbacks, evaluated and resolved as
    /// the app host does it before handing them to DCP.</summary>
    public async Task<Dictionary<string, string>> EnvironmentOfAsync(string resource)
    {
        var executionContext = App.App.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        var configuration = await ExecutionConfigurationBuilder.Create(Project(resource))
            .WithEnvironmentVariablesConfig()
            .BuildAsync(executionContext);
        if (configuration.Exception is { } exception)
        {
            throw new InvalidOperationException($"The environment of '{resource}' could not be resolved: {exception.Message}", exception);
        }

        // Values only DCP can fill in (its templates, e.g. the OpenTelemetry instance id) are left out: no other
        // process could read them.
        return configuration.EnvironmentVariables
            .Where(variable => !variable.Value.Contains("{{", StringComparison.Ordinal))
            .ToDictionary();
    }

    /// <summary>A buyer token for a new buyer, signed with the model's key as WebFrontend would sign it.</summary>
    public Dictionary<string, string> BuyerHeaders(string? buyerId = null) =>
        new() { ["Authorization"] = "Bearer " + _tokens.Issue(buyerId ?? "bench-" + Guid.NewGuid().ToString("N")[..8]) };

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
