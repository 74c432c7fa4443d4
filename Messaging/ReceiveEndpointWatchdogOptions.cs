using System.ComponentModel.DataAnnotations;

namespace Shop.Messaging;

/// <summary>Configuration section <c>ReceiveEndpointWatchdog</c>.</summary>
public sealed class ReceiveEndpointWatchdogOptions
{
    public const string SectionName = "ReceiveEndpointWatchdog";

    /// <summary>How often endpoints' health is read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an endpoint may stay down (connecting, faulted or stopped) while its broker answers before the process
    /// stops; longer than MassTransit's pause between reconnection attempts after an outage.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(60);
}
