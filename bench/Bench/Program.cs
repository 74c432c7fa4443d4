using Shop.Bench;
using Shop.Hosting.Testing;

// dotnet run -c Release --project bench/Bench -- [--quick] [throughput] [coldstart] [pipeline]
var quick = args.Contains("--quick");
string[] all = ["throughput", "coldstart", "pipeline"];
var chosen = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
if (chosen.Except(all).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Choose from: {string.Join(", ", all)}.");
    return 2;
}

var scenarios = chosen.Length == 0 ? all : chosen;
Console.WriteLine("Booting the system through the testing builder…");
await using var app = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
app.Application.Options.EnvironmentName = "Production";
await app.StartAndWaitHealthyAsync(TimeSpan.FromMinutes(3));

var report = new Report();
var bench = new BenchContext(app, quick, report);
Console.WriteLine("memory at idle");
MemoryScenario.Record(bench, "idle", withTarget: true);
foreach (var scenario in scenarios)
{
    Console.WriteLine(scenario);
    await bench.MeasureAsync(scenario, () => scenario switch
    {
        "throughput" => ThroughputScenario.RunAsync(bench),
        "coldstart" => ColdStartScenario.RunAsync(bench),
        _ => PipelineScenario.RunAsync(bench),
    });
}

Console.WriteLine("memory after load");
MemoryScenario.Record(bench, "after load", withTarget: false);
report.PrintTable(Console.Out);
var path = await report.WriteJsonAsync(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results"), quick);
Console.WriteLine($"\nWritten to {Path.GetFullPath(path)}");
foreach (var failure in bench.Failures)
{
    Console.WriteLine($"not measured: {failure}");
}

return bench.Failures.Count == 0 ? 0 : 1;
