using System.Globalization;
using Shop.Bench;
using Shop.Testing;

// dotnet run -c Release --project bench -- [--quick] [throughput] [coldstart] [pipeline] [photos]
// dotnet run -c Release --project bench -- [--quick] --scenario wake   (alone: it runs the system in scale-to-zero mode)
// dotnet run -c Release --project bench -- --scenario soak [--orders 1000]
var quick = args.Contains("--quick");
var orders = args.SkipWhile(a => a != "--orders").Skip(1).FirstOrDefault() is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 1000;
string[] all = ["throughput", "coldstart", "pipeline", "photos"];
var chosen = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--orders")).ToArray();
var wake = chosen is ["wake"];
if (!wake && chosen is not [SoakScenario.Name] && chosen.Except(all).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Choose from: {string.Join(", ", all)}, or wake or {SoakScenario.Name} alone.");
    return 2;
}

var benchFolder = BenchFolder();
if (chosen is [SoakScenario.Name])
{
    return await SoakScenario.RunAsync(orders, Path.Combine(benchFolder, "results"));
}

var scenarios = chosen.Length == 0 ? all : chosen;
await BenchTools.EnsureInstalledAsync(Path.GetDirectoryName(benchFolder)!);
Console.WriteLine("Booting the system through the testing builder…");
var run = System.Diagnostics.Stopwatch.StartNew();
var builder = wake
    ? await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>(dashboard: false, ScaleToZeroMode.Argument(WakeScenario.IdleTime))
    : await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>();
BenchContext.Prepare(builder);
await using var app = await builder.StartAsync(TimeSpan.FromMinutes(3));

var booted = run.Elapsed;
run.Restart();
var report = new Report();
var bench = await BenchContext.CreateAsync(app, quick, report);
if (wake)
{
    // Alone, and without memory figures: the services' processes come and go.
    Console.WriteLine("wake");
    await bench.MeasureAsync("wake", () => WakeScenario.RunAsync(bench));
}
else
{
    await MeasureAllAsync(bench, scenarios, run);
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

static async Task MeasureAllAsync(BenchContext bench, string[] scenarios, System.Diagnostics.Stopwatch run)
{
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
}

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
