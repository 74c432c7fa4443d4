using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Shop.Bench;

/// <summary>PostgreSQL's own read-only benchmark (<c>pgbench -S</c>: one primary-key SELECT per transaction) against the
/// system's server, in a database of its own: the ceiling for any single-row read through that server.</summary>
internal static partial class PgBench
{
    private const string Database = "bench_pgbench";

    public static async Task<double> SelectOnlyTransactionsPerSecondAsync(string connectionString, TimeSpan duration, int clients)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = settings.Password ?? "" };
        string[] server = ["-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!];

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", connection);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await RunAsync([.. server, "-i", "-q", "-s", "1", Database], environment);
        var output = await RunAsync(
            [.. server, "-S", "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), Database],
            environment);
        var tps = TransactionsPerSecond().Match(output);
        return tps.Success
            ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no tps:\n{output}");
    }

    private static async Task<string> RunAsync(IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("pgbench", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("pgbench could not be started (apt-get install postgresql).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"pgbench failed:\n{await output}{await error}");
    }

    [GeneratedRegex(@"tps = ([\d.]+)")]
    private static partial Regex TransactionsPerSecond();
}
