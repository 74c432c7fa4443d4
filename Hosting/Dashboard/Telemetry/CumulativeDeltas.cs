namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>Turns each series' cumulative values (the .NET SDK's default) into what changed since the previous export.
/// A series is one instrument, attribute set and process instance; its values are a counter's total or a
/// histogram's count, sum and bucket counts.</summary>
internal sealed class CumulativeDeltas
{
    /// <summary>Bounds the remembered series; past it the memory starts afresh and one interval is lost.</summary>
    private const int MaxSeries = 50_000;

    private readonly Dictionary<string, (ulong Start, ulong Time, double[] Values)> _last = [];

    /// <summary>The increase of <paramref name="values"/> and the seconds it took, or null when there is no interval
    /// yet (the series' first point) or the series was reset (the process restarted).</summary>
    public (double[] Increase, double Seconds)? Delta(string series, bool cumulative, ulong start, ulong time, double[] values)
    {
        if (!cumulative)
        {
            return Interval(start, time) is { } deltaSeconds ? (values, deltaSeconds) : null;
        }

        var found = _last.TryGetValue(series, out var previous);
        if (_last.Count >= MaxSeries && !found)
        {
            _last.Clear();
        }

        _last[series] = (start, time, values);
        // The first point is only a baseline: its start time is the SDK's, while the runtime's observable counters
        // count from the process's start, so dividing by that interval would chart a spike that never happened.
        if (!found || previous.Start != start || previous.Values.Length != values.Length || Interval(previous.Time, time) is not { } seconds)
        {
            return null;
        }

        var increase = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            increase[i] = values[i] - previous.Values[i];
            if (increase[i] < 0)
            {
                return null;
            }
        }

        return (increase, seconds);
    }

    private static double? Interval(ulong from, ulong to) =>
        from > 0 && to > from ? (to - from) / 1e9 : null;
}
