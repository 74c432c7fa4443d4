using System.Diagnostics;
using System.Globalization;

namespace Shop.Bench;

/// <summary>Redis's own benchmark (<c>redis-benchmark -t get</c>) against the system's server: the ceiling for a
/// single-key read through it.</summary>
internal static class RedisBenchmark
{
    /// <param name="connectionString"><c>host:port[,password=…]</c>, as the AppHost hands it to Basket.Api.</param>
    public static async Task<double> GetsPerSecondAsync(string connectionString, int requests, int clients)
    {
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries);
        var address = parts[0].Split(':');
        var password = parts.Skip(1).FirstOrDefault(p => p.StartsWith("password=", StringComparison.Ordinal))?["password=".Length..];
        List<string> arguments =
        [
            "-h", address[0], "-p", address[1], "-t", "get", "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", clients.ToString(CultureInfo.InvariantCulture), "--csv",
        ];
        if (password is not null)
        {
            // redis-benchmark takes the password only as an argument: it is this run's own local server's, on loopback.
            arguments.AddRange(["-a", password]);
        }

        var startInfo = new ProcessStartInfo("redis-benchmark", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("redis-benchmark could not be started (apt-get install redis-server).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // "test","rps",… then "GET","123456.79",…
        var row = (await output).Split('\n').FirstOrDefault(line => line.StartsWith("\"GET\"", StringComparison.Ordinal));
        return process.ExitCode == 0 && row is not null
            ? double.Parse(row.Split(',')[1].Trim('"'), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"redis-benchmark failed:\n{await output}{await error}");
    }
}
