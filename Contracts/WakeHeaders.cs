namespace Shop.Contracts;

/// <summary>How the app host's scale-to-zero activator tells a service it has just been woken: one <c>GET /alive</c> with
/// these headers after each wake, which the service's defaults record as a histogram in its own telemetry.</summary>
public static class WakeHeaders
{
    /// <summary>Seconds from the wake's trigger to the service answering its health check, invariant culture.</summary>
    public const string Seconds = "Shop-Wake-Seconds";

    /// <summary>What woke the service: <see cref="HttpTrigger"/> or <see cref="QueueTrigger"/>.</summary>
    public const string Trigger = "Shop-Wake-Trigger";

    public const string HttpTrigger = "http";

    public const string QueueTrigger = "queue";
}
