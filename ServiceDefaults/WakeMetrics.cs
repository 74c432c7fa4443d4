using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Shop.Contracts;

namespace Microsoft.Extensions.Hosting;

/// <summary>The service's wakes from zero, as the app host's scale-to-zero activator reports them (one <c>GET /alive</c>
/// with <see cref="WakeHeaders"/> after each wake): a histogram of the seconds from the waking request or message to the
/// service answering its health check, tagged with what woke it. Recorded here rather than in the app host, whose own
/// telemetry reaches no dashboard, so that the figure sits beside the service's other metrics.</summary>
public sealed class WakeMetrics
{
    public const string MeterName = "Shop.ScaleToZero";

    public const string DurationName = "shop.scale_to_zero.wake.duration";

    private readonly Histogram<double> _duration;

    public WakeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _duration = meters.Create(MeterName).CreateHistogram(
            DurationName,
            unit: "s",
            description: "Time from the request or message that woke the service from zero to its first healthy answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] });
    }

    /// <summary>Records the wake a request reports, if it reports one.</summary>
    public void Record(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (double.TryParse(request.Headers[WakeHeaders.Seconds], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            _duration.Record(seconds, new KeyValuePair<string, object?>("trigger", request.Headers[WakeHeaders.Trigger].ToString() switch
            {
                WakeHeaders.QueueTrigger => WakeHeaders.QueueTrigger,
                _ => WakeHeaders.HttpTrigger,
            }));
        }
    }
}
