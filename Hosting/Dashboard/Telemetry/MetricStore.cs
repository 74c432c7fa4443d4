using Google.Protobuf.Collections;
using Shop.Hosting.Otlp;
using Shop.Hosting.Otlp.Proto;

namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>Recent samples of every instrument of every resource. Each export of an instrument becomes one sample,
/// summed over its attribute sets: the dashboard charts a resource's totals (requests per second, not per route).</summary>
internal sealed class MetricStore(int samplesPerInstrument)
{
    private const int MaxResources = 64;
    private const int MaxInstrumentsPerResource = 256;
    private static readonly double[] _quantiles = [0.5, 0.9, 0.99];

    private readonly Dictionary<string, Dictionary<string, InstrumentHistory>> _resources = [];
    private readonly CumulativeDeltas _deltas = new();
    private readonly Lock _lock = new();

    public void Add(ExportMetricsServiceRequest request)
    {
        lock (_lock)
        {
            foreach (var resourceMetrics in request.ResourceMetrics)
            {
                var resource = OtlpValues.ServiceName(resourceMetrics.Resource);
                var seriesPrefix = $"{resource}|{OtlpValues.ServiceInstance(resourceMetrics.Resource)}|";
                foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
                {
                    var (kind, sample) = ToSample(seriesPrefix + metric.Name, metric);
                    if (sample is not null && HistoryOf(resource, metric, kind) is { } history)
                    {
                        history.Add(sample);
                    }
                }
            }
        }
    }

    public IReadOnlyList<string> Resources
    {
        get
        {
            lock (_lock)
            {
                return [.. _resources.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every instrument of the resource with a copy of its samples; empty for an unknown resource.</summary>
    public IReadOnlyList<(InstrumentHistory Instrument, IReadOnlyList<MetricSample> Samples)> GetInstruments(string resource)
    {
        lock (_lock)
        {
            return _resources.TryGetValue(resource, out var instruments)
                ? [.. instruments.Values.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (i, i.Samples))]
                : [];
        }
    }

    private InstrumentHistory? HistoryOf(string resource, Metric metric, InstrumentKind kind)
    {
        if (!_resources.TryGetValue(resource, out var instruments))
        {
            if (_resources.Count >= MaxResources)
            {
                return null;
            }

            instruments = [];
            _resources[resource] = instruments;
        }

        if (!instruments.TryGetValue(metric.Name, out var history))
        {
            if (instruments.Count >= MaxInstrumentsPerResource)
            {
                return null;
            }

            history = new InstrumentHistory(metric.Name, metric.Unit, metric.Description, kind, samplesPerInstrument);
            instruments[metric.Name] = history;
        }

        return history;
    }

    private (InstrumentKind, MetricSample?) ToSample(string series, Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => (InstrumentKind.Gauge, Level(metric.Gauge.DataPoints)),
        Metric.DataOneofCase.Sum when metric.Sum.IsMonotonic => (InstrumentKind.Counter, Rate(series, metric.Sum)),
        Metric.DataOneofCase.Sum => (InstrumentKind.UpDownCounter, Level(metric.Sum.DataPoints)),
        Metric.DataOneofCase.Histogram => (InstrumentKind.Histogram, Distribution(series, metric.Histogram)),
        _ => (InstrumentKind.Gauge, null),
    };

    private static MetricSample? Level(RepeatedField<NumberDataPoint> points) =>
        points.Count == 0 ? null : new MetricSample(TimeOf(points.Max(p => p.TimeUnixNano)), points.Sum(ValueOf));

    private MetricSample? Rate(string series, Sum sum)
    {
        var cumulative = sum.AggregationTemporality == AggregationTemporality.Cumulative;
        double? rate = null;
        foreach (var point in sum.DataPoints)
        {
            if (_deltas.Delta(series + AttributesKey(point.Attributes), cumulative, point.StartTimeUnixNano, point.TimeUnixNano, [ValueOf(point)]) is { } delta)
            {
                rate = (rate ?? 0) + (delta.Increase[0] / delta.Seconds);
            }
        }

        return sum.DataPoints.Count == 0 ? null : new MetricSample(TimeOf(sum.DataPoints.Max(p => p.TimeUnixNano)), rate);
    }

    private MetricSample? Distribution(string series, Histogram histogram)
    {
        if (histogram.DataPoints.Count == 0)
        {
            return null;
        }

        var cumulative = histogram.AggregationTemporality == AggregationTemporality.Cumulative;
        var bounds = histogram.DataPoints[0].ExplicitBounds;
        var buckets = new double[bounds.Count + 1];
        double? rate = null;
        foreach (var point in histogram.DataPoints.Where(p => p.ExplicitBounds.SequenceEqual(bounds) && p.BucketCounts.Count == buckets.Length))
        {
            double[] values = [point.Count, .. point.BucketCounts.Select(c => (double)c)];
            if (_deltas.Delta(series + AttributesKey(point.Attributes), cumulative, point.StartTimeUnixNano, point.TimeUnixNano, values) is { } delta)
            {
                rate = (rate ?? 0) + (delta.Increase[0] / delta.Seconds);
                for (var i = 0; i < buckets.Length; i++)
                {
                    buckets[i] += delta.Increase[i + 1];
                }
            }
        }

        var percentiles = _quantiles.Select(q => HistogramPercentiles.Estimate(bounds, buckets, q)).ToArray();
        return new MetricSample(TimeOf(histogram.DataPoints.Max(p => p.TimeUnixNano)), rate, percentiles[0], percentiles[1], percentiles[2]);
    }

    private static double ValueOf(NumberDataPoint point) =>
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static DateTimeOffset TimeOf(ulong unixNanoseconds) => OtlpValues.ToTime(unixNanoseconds);

    private static string AttributesKey(IEnumerable<KeyValue> attributes) =>
        "|" + string.Join('\u001f', attributes.Select(a => $"{a.Key}={OtlpValues.ToText(a.Value)}").Order(StringComparer.Ordinal));
}
