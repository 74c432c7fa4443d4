using Microsoft.Extensions.Options;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Projects;
using Shop.Hosting.Testing;
using Shop.ServiceDefaults.Security;

namespace Shop.Bench;

/// <summary>The booted system and the settings of this run, shared by the scenarios.</summary>
internal sealed class BenchContext(TestingApplication app, bool quick, Report report)
{
    private BuyerTokens? _tokens;

    public TestingApplication App { get; } = app;

    public Report Report { get; } = report;

    public bool Quick { get; } = quick;

    public TimeSpan LoadDuration => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(5);

    /// <summary>Alternating rounds of a service and its baseline.</summary>
    public int Rounds => Quick ? 1 : 3;

    public TimeSpan WarmUpDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(3);

    public int ColdStarts => Quick ? 5 : 7;

    public int PipelineOrders => Quick ? 40 : 200;

    /// <summary>What could not be measured, and why: reported at the end instead of stopping the run.</summary>
    public List<string> Failures { get; } = [];

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

    public Uri Url(string resource, string pathAndQuery) => new(App.GetEndpoint(resource), pathAndQuery);

    public ProjectResource Project(string resource) => (ProjectResource)App.Application.Model.Find(resource);

    /// <summary>The environment the AppHost gives a service (connection strings, service URLs, keys), for starting
    /// another instance of it beside the running one.</summary>
    public Dictionary<string, string> EnvironmentOf(string resource)
    {
        var environment = new Dictionary<string, string>();
        foreach (var callback in Project(resource).Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Apply(environment);
        }

        return environment;
    }

    /// <summary>A buyer token for a new buyer, signed with the model's key as WebFrontend would sign it.</summary>
    public Dictionary<string, string> BuyerHeaders(string? buyerId = null)
    {
        _tokens ??= new BuyerTokens(
            Options.Create(new BuyerTokenOptions { Key = ((ParameterResource)App.Application.Model.Find("buyer-token-key")).Value, Lifetime = TimeSpan.FromHours(1) }),
            TimeProvider.System);
        return new Dictionary<string, string> { ["Authorization"] = "Bearer " + _tokens.Issue(buyerId ?? "bench-" + Guid.NewGuid().ToString("N")[..8]) };
    }

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
