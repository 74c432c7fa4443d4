namespace Shop.Hosting.ScaleToZero;

/// <summary>The app host's scale-to-zero mode, read from its configuration (<c>--ScaleToZero:IdleTime=00:05:00</c>,
/// <c>ScaleToZero__IdleTime</c>); without an idle time the mode is off and every service runs all the time.</summary>
public sealed class ScaleToZeroOptions
{
    public const string Section = "ScaleToZero";

    /// <summary>The configuration key that turns the mode on: a TimeSpan such as <c>00:00:10</c>.</summary>
    public const string IdleTimeKey = Section + ":" + nameof(IdleTime);

    /// <summary>A service with no HTTP request in flight or within this time, and nothing waiting in the queues it
    /// consumes, is stopped (Container Apps waits its cooldown, 5 minutes by default, before it scales in).</summary>
    public required TimeSpan IdleTime { get; init; }

    /// <summary>How often the broker is asked how many messages wait in the queues of the services (KEDA polls every
    /// 30 s by default; a laptop can afford to ask more often and wake a worker sooner).</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a woken service may take to answer its health check before the requests held for it fail.</summary>
    public TimeSpan WakeTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
