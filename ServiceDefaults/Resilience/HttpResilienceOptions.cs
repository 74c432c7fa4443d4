using System.ComponentModel.DataAnnotations;

namespace Shop.ServiceDefaults.Resilience;

/// <summary>Bound from the <c>HttpResilience</c> section and validated at start-up; the defaults follow Microsoft's
/// standard resilience handler, with a shorter first delay because calls here stay inside one environment.</summary>
public sealed class HttpResilienceOptions
{
    public const string SectionName = "HttpResilience";

    /// <summary>For the whole call, retries and their delays included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The median first delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
