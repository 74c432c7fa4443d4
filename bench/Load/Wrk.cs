using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Bench;

/// <summary>Requests per second and latency percentiles measured by wrk on loopback.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

internal static partial class Wrk
{
    public static async Task<LoadResult> RunAsync(Uri url, TimeSpan duration, int connections, IReadOnlyDictionary<string, string>? headers = null, string? script = null)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["-H", $"{name}: {value}"]);
        }

        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url.ToString());
        using var process = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("wrk could not be started (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || RequestsPerSecond().Match(output) is not { Success: true } rps)
        {
            throw new InvalidOperationException($"wrk failed on {url}:\n{output}{await process.StandardError.ReadToEndAsync()}");
        }

        var errors = Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(Number(rps.Groups[1].Value), Percentile(output, "50%"), Percentile(output, "99%"), errors);
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = Number(match.Groups[1].Value);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
