using Shop.Bench;
using Shop.Testing;

// dotnet run -c Release --project bench -- [--quick] [throughput] [coldstart] [pipeline] [photos]
var quick = args.Contains("--quick");
string[] all = ["throughput", "coldstart", "pipeline", "photos"];
var chosen = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
if (chosen.Except(all).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Choose from: {string.Join(", ", all)}.");
    return 2;
}

var scenarios = chosen.Length == 0 ? all : chosen;
var benchFolder = BenchFolder();
await BenchTools.EnsureInstalledAsync(Path.GetDirectoryName(benchFolder)!);
Console.WriteLine("Booting the system through the testing builder…");
var run = System.Diagnostics.Stopwatch.StartNew();
var builder = await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>();
BenchContext.Prepare(builder);
await using var app = await builder.StartAsync(TimeSpan.FromMinutes(3));

var booted = run.Elapsed;
run.Restart();
var report = new Report();
var bench = await BenchContext.CreateAsync(app, quick, report);
Console.WriteLine("memory at idle");
MemoryScenario.RecordIdle(bench);
await using (MemoryScenario.StartSamplingPeaks(bench))
{
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"{scenario} ({run.Elapsed.TotalSeconds:0} s into the run)");
        await bench.MeasureAsync(scenario, () => scenario switch
        {
            "throughput" => ThroughputScenario.RunAsync(bench),
            "coldstart" => ColdStartScenario.RunAsync(bench),
            "photos" => PhotoScenario.RunAsync(bench),
            _ => PipelineScenario.RunAsync(bench),
        });
    }
}

Console.WriteLine($"\nMeasured in {(run.Elapsed - PublishedApp.Elapsed).TotalSeconds:0} s, after {booted.TotalSeconds:0} s booting the system"
    + $" and {PublishedApp.Elapsed.TotalSeconds:0} s publishing the apps whose cold start is measured.");
report.PrintTable(Console.Out);
var path = await report.WriteJsonAsync(Path.Combine(benchFolder, "results"), quick);
Console.WriteLine($"\nWritten to {Path.GetFullPath(path)}");
foreach (var failure in bench.Failures)
{
    Console.WriteLine($"not measured: {failure}");
}

return bench.Failures.Count == 0 ? 0 : 1;

// bench/, found from the build output (bench/bin/<configuration>/<framework>/) by its project file.
static string BenchFolder()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bench.csproj")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? throw new InvalidOperationException($"No Bench.csproj above {AppContext.BaseDirectory}.");
}
