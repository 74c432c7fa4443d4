using Microsoft.AspNetCore.Hosting;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>The configuration an Ordering.Worker under test runs with, as environment-style keys.</summary>
public sealed record WorkerSettings(string Database, string Broker)
{
    public const string BuyerTokenKey = "test-buyer-token-key-0123456789-abcdef";
    public const string OperatorKey = "test-operator-key-0123";

    /// <summary>An app (the worker, or the in-process catalog) whose endpoint MassTransit gave up on stops, for its
    /// successor, within half a minute.</summary>
    public static readonly IReadOnlyDictionary<string, string> Watchdog = new Dictionary<string, string>
    {
        ["ReceiveEndpointWatchdog__CheckInterval"] = "00:00:01",
        ["ReceiveEndpointWatchdog__GracePeriod"] = "00:00:30",
    };

    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>(Watchdog)
    {
        ["ConnectionStrings__orderingdb"] = Database,
        ["ConnectionStrings__messaging"] = Broker,
        ["BuyerTokens__Key"] = BuyerTokenKey,
        ["Operator__Key"] = OperatorKey,
        // Leftovers of a killed worker are swept up soon after the next one starts.
        ["Outbox__SweepInterval"] = "00:00:01",
    };

    /// <summary>Gives an in-process app environment-style settings (<c>A__B</c> becomes <c>A:B</c>).</summary>
    public static void Apply(IWebHostBuilder builder, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        }
    }
}
