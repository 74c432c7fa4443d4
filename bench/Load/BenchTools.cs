using System.Diagnostics;

namespace Shop.Bench;

/// <summary>The load and baseline programs the bench drives. Missing ones are installed the way ./run.sh installs
/// the servers (scripts/prerequisites.sh: apt-get, as root or through sudo), so a machine ready for ./run.sh is
/// ready for the bench.</summary>
internal static class BenchTools
{
    private static readonly (string Program, string Package)[] _tools =
    [
        ("wrk", "wrk"),
        ("pgbench", "postgresql-client"),
        ("redis-benchmark", "redis-tools"),
    ];

    public static async Task EnsureInstalledAsync(string repositoryRoot)
    {
        var missing = _tools.Where(tool => !OnPath(tool.Program)).Select(tool => tool.Package).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var script = Path.Combine(repositoryRoot, "scripts", "prerequisites.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", ["-c", $". \"{script}\" && install_packages {string.Join(' ', missing)}"]))
            ?? throw new InvalidOperationException("bash could not be started.");
        await install.WaitForExitAsync();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing {string.Join(", ", missing)} failed (exit code {install.ExitCode}).");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
