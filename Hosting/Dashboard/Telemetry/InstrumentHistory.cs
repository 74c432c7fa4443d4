namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>How an instrument's points are read: a gauge or up-down counter is a level, a counter a rate,
/// a histogram a rate plus percentiles.</summary>
internal enum InstrumentKind
{
    Gauge,
    Counter,
    UpDownCounter,
    Histogram,
}

/// <summary>One export's worth of an instrument, summed over its attribute sets. <see cref="Value"/> is the level
/// (gauge, up-down counter) or the rate per second (counter, histogram); percentiles are in the instrument's unit.</summary>
internal sealed record MetricSample(DateTimeOffset Time, double? Value, double? P50 = null, double? P90 = null, double? P99 = null);

/// <summary>The recent samples of one instrument of one resource, oldest first; the oldest are dropped.</summary>
internal sealed class InstrumentHistory(string name, string unit, string description, InstrumentKind kind, int capacity)
{
    private readonly Queue<MetricSample> _samples = new();

    public string Name { get; } = name;

    public string Unit { get; } = unit;

    public string Description { get; } = description;

    public InstrumentKind Kind { get; } = kind;

    public IReadOnlyList<MetricSample> Samples => [.. _samples];

    public void Add(MetricSample sample)
    {
        _samples.Enqueue(sample);
        while (_samples.Count > capacity)
        {
            _samples.Dequeue();
        }
    }
}
