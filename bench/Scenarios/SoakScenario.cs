using System.Globalization;
using Shop.Testing;
using Shop.Testing.Soak;

namespace Shop.Bench;

/// <summary>The full chaos soak (issue 16): its own system, booted with scale-to-zero asked for (the mode takes effect
/// where the app host has it), the same engine as the end-to-end test's shorter soak, and its figures written beside
/// the bench's other results. Not among the default scenarios: it kills and restarts what the others measure.</summary>
internal static class SoakScenario
{
    public const string Name = "soak";

    /// <summary>Short enough that every service idles out within one of the plan's gaps.</summary>
    private static readonly TimeSpan _idleTime = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(int orders, string resultsFolder)
    {
        Console.WriteLine("Booting the system through the testing builder…");
        var builder = await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>(args: ScaleToZeroMode.Argument(_idleTime));
        BenchContext.QuietLogging(builder);
        await using var app = await builder.StartAsync(TimeSpan.FromMinutes(3));
        var plan = new SoakPlan { Orders = orders, Bursts = Math.Max(1, orders / 200) };
        var result = await ChaosSoak.RunAsync(app, plan, scaleToZero: true, Console.Out);

        Directory.CreateDirectory(resultsFolder);
        var path = Path.Combine(resultsFolder, $"soak-{DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.txt");
        await File.WriteAllTextAsync(path, result.ToString());
        Console.WriteLine($"\nWritten to {Path.GetFullPath(path)}");
        return result.Passed ? 0 : 1;
    }
}
