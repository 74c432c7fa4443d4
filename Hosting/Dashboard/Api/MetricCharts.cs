using Shop.Hosting.Dashboard.Telemetry;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>Chooses a resource's charts: requests, latency, CPU, memory and GC first, from the instruments ASP.NET Core
/// and the .NET runtime publish (meters Microsoft.AspNetCore.Hosting and System.Runtime), then one chart for each
/// other instrument.</summary>
internal static class MetricCharts
{
    private const string RequestDuration = "http.server.request.duration";
    private const string CpuTime = "dotnet.process.cpu.time";
    private const string CpuCount = "dotnet.process.cpu.count";
    private const string WorkingSet = "dotnet.process.memory.working_set";
    private const string HeapSize = "dotnet.gc.last_collection.heap.size";
    private const string GcCollections = "dotnet.gc.collections";
    private const string GcPause = "dotnet.gc.pause.time";
    private const double Megabyte = 1024 * 1024;

    public static IReadOnlyList<MetricChartDto> Build(IReadOnlyList<(InstrumentHistory Instrument, IReadOnlyList<MetricSample> Samples)> instruments)
    {
        var samples = instruments.ToDictionary(i => i.Instrument.Name, i => i.Samples);
        var charts = new List<MetricChartDto>();
        if (samples.TryGetValue(RequestDuration, out var requests))
        {
            var toMilliseconds = instruments.First(i => i.Instrument.Name == RequestDuration).Instrument.Unit == "s" ? 1000 : 1;
            charts.Add(new("Request rate", "req/s", [Series("requests", requests, s => s.Value)]));
            charts.Add(new("Request latency", "ms",
            [
                Series("p50", requests, s => s.P50 * toMilliseconds),
                Series("p90", requests, s => s.P90 * toMilliseconds),
                Series("p99", requests, s => s.P99 * toMilliseconds),
            ]));
        }

        if (samples.TryGetValue(CpuTime, out var cpu))
        {
            // CPU seconds per second over the machine's cores: 100 % is every core busy.
            var cores = samples.GetValueOrDefault(CpuCount) is [.., { Value: double count and > 0 }] ? count : 1;
            charts.Add(new("CPU", "%", [Series("process", cpu, s => s.Value * 100 / cores)]));
        }

        AddChart(charts, "Memory", "MB",
            ("working set", samples.GetValueOrDefault(WorkingSet), s => s.Value / Megabyte),
            ("GC heap", samples.GetValueOrDefault(HeapSize), s => s.Value / Megabyte));
        AddChart(charts, "Garbage collection", "per s",
            ("collections", samples.GetValueOrDefault(GcCollections), s => s.Value),
            ("pause ms", samples.GetValueOrDefault(GcPause), s => s.Value * 1000));

        string[] shown = [RequestDuration, CpuTime, CpuCount, WorkingSet, HeapSize, GcCollections, GcPause];
        charts.AddRange(instruments.Where(i => !shown.Contains(i.Instrument.Name)).Select(i => ChartOf(i.Instrument, i.Samples)));
        return charts;
    }

    private static MetricChartDto ChartOf(InstrumentHistory instrument, IReadOnlyList<MetricSample> samples)
    {
        var unit = DisplayUnit(instrument.Unit);
        return instrument.Kind switch
        {
            InstrumentKind.Histogram => new(instrument.Name, unit,
            [
                Series("p50", samples, s => s.P50),
                Series("p90", samples, s => s.P90),
                Series("p99", samples, s => s.P99),
            ]),
            InstrumentKind.Counter => new(instrument.Name, unit.Length == 0 ? "per s" : unit + "/s", [Series("rate", samples, s => s.Value)]),
            _ => new(instrument.Name, unit, [Series("value", samples, s => s.Value)]),
        };
    }

    /// <summary>Adds a chart of the series whose instrument was received; none received, no chart.</summary>
    private static void AddChart(
        List<MetricChartDto> charts, string title, string unit,
        params (string Name, IReadOnlyList<MetricSample>? Samples, Func<MetricSample, double?> Value)[] series)
    {
        var present = series.Where(s => s.Samples is not null).Select(s => Series(s.Name, s.Samples!, s.Value)).ToList();
        if (present.Count > 0)
        {
            charts.Add(new(title, unit, present));
        }
    }

    private static MetricSeriesDto Series(string name, IReadOnlyList<MetricSample> samples, Func<MetricSample, double?> value) =>
        new(name,
        [
            .. samples
                .Select(s => (s.Time, Value: value(s)))
                .Where(p => p.Value is { } v && double.IsFinite(v))
                .Select(p => new MetricPointDto(p.Time.ToUnixTimeMilliseconds(), p.Value!.Value)),
        ]);

    /// <summary>UCUM as OTLP sends it ("By", "{request}") in plain words.</summary>
    private static string DisplayUnit(string unit) => unit switch
    {
        "By" => "bytes",
        "" => "",
        _ => unit.Trim('{', '}'),
    };
}
