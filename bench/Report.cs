using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Bench;

/// <summary>One measured figure. A target is a ratio against a baseline measured in the same run (higher is better
/// for throughput, lower for times), or an absolute bound where the issue sets one.</summary>
internal sealed record Measurement(string Scenario, string Name, double Value, string Unit)
{
    public string? Baseline { get; init; }

    public double? BaselineValue { get; init; }

    public double? Ratio => BaselineValue is > 0 ? Value / BaselineValue : null;

    /// <summary>The lowest and highest ratio of the rounds (each round's figure over its baseline's in the same
    /// round), so that a reader can tell a change from noise.</summary>
    public RatioSpread? Spread { get; init; }

    /// <summary>"≥ 0.8×", "≤ 2×", "< 250 ms"…, or null for a figure that is reported only.</summary>
    public string? Target { get; init; }

    public bool? Met { get; init; }
}

internal sealed class Report
{
    private readonly List<Measurement> _measurements = [];

    public void Add(Measurement measurement)
    {
        _measurements.Add(measurement);
        Console.WriteLine($"  {measurement.Name}: {Format(measurement)}");
    }

    /// <summary>A ratio target: <paramref name="atLeast"/> for throughput, <paramref name="atMost"/> for times. The
    /// rounds are pairs measured side by side (the service's figure, its baseline's), for the spread.</summary>
    public void AddRatio(
        string scenario, string name, double value, string unit, string baseline, double baselineValue,
        IEnumerable<(double Value, double Baseline)> rounds, double? atLeast = null, double? atMost = null)
    {
        var ratio = value / baselineValue;
        var roundRatios = rounds.Select(round => round.Value / round.Baseline).ToArray();
        Add(new Measurement(scenario, name, value, unit)
        {
            Baseline = baseline,
            BaselineValue = baselineValue,
            Spread = roundRatios.Length == 0 ? null : new RatioSpread(roundRatios.Min(), roundRatios.Max(), roundRatios.Length),
            Target = atLeast is { } min ? $"≥ {min}×" : atMost is { } max ? $"≤ {max}×" : null,
            Met = atLeast is { } low ? ratio >= low : atMost is { } high ? ratio <= high : null,
        });
    }

    public void PrintTable(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("| scenario | measure | value | baseline | ratio (min–max over rounds) | target | |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var m in _measurements)
        {
            var baseline = m.Baseline is null ? "" : $"{m.Baseline}: {Number(m.BaselineValue!.Value)} {m.Unit}";
            var ratio = m.Ratio is { } r ? $"{r:0.00}×{SpreadText(m.Spread)}" : "";
            var mark = m.Met switch { true => "pass", false => "MISS", null => "" };
            writer.WriteLine($"| {m.Scenario} | {m.Name} | {Number(m.Value)} {m.Unit} | {baseline} | {ratio} | {m.Target} | {mark} |");
        }
    }

    public async Task<string> WriteJsonAsync(string directory, bool quick)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}.json");
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, new BenchResult(DateTimeOffset.UtcNow, quick, Environment.ProcessorCount, _measurements), BenchJsonContext.Default.BenchResult);
        return path;
    }

    private static string Format(Measurement m) =>
        $"{Number(m.Value)} {m.Unit}"
        + (m.Ratio is { } r ? $" ({r:0.00}×{SpreadText(m.Spread)} {m.Baseline}{(m.Target is null ? "" : $", target {m.Target}: {(m.Met == true ? "pass" : "MISS")}")})" : "")
        + (m.Ratio is null && m.Target is not null ? $" (target {m.Target}: {(m.Met == true ? "pass" : "MISS")})" : "");

    /// <summary>" (0.70–1.02 over 3)": the ratio's range over its rounds.</summary>
    private static string SpreadText(RatioSpread? spread) =>
        spread is { } s ? string.Create(CultureInfo.InvariantCulture, $" ({s.Min:0.00}–{s.Max:0.00} over {s.Rounds})") : "";

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}

internal sealed record RatioSpread(double Min, double Max, int Rounds);

internal sealed record BenchResult(DateTimeOffset At, bool Quick, int Cores, IReadOnlyList<Measurement> Measurements);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
