namespace Shop.Hosting.Dashboard;

/// <summary>The dashboard the AppHost serves while it runs, with its OTLP receiver. Both bind to loopback only.</summary>
public sealed class DashboardOptions
{
    /// <summary>Set to <c>true</c> to let anyone who reaches the port in without the login token (local automation).</summary>
    public const string UnsecuredVariable = "SHOP_DASHBOARD_UNSECURED";

    /// <summary>Off in tests by default (the testing builder turns it off); <c>--no-dashboard</c> turns it off for the AppHost.</summary>
    public bool Enabled { get; set; } = true;

    public int Port { get; set; } = 18888;

    public int OtlpPort { get; set; } = 18890;

    public bool AllowAnonymous { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable(UnsecuredVariable), "true", StringComparison.OrdinalIgnoreCase);

    public int MaxLogRecords { get; set; } = 10_000;

    public int MaxTraces { get; set; } = 10_000;

    /// <summary>Five minutes of history at the one-second export interval the AppHost gives the services.</summary>
    public int MetricSamplesPerInstrument { get; set; } = 300;
}
