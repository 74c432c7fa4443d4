using System.Diagnostics;

namespace Shop.Hosting.LocalServers;

/// <summary>Whether a container runtime answers here, asked once per process the way Aspire's orchestrator asks it.</summary>
public static class ContainerRuntime
{
    private static readonly Lazy<bool> _answers = new(Probe);

    /// <summary>True when <c>docker info</c> (or the runtime named by ASPIRE_CONTAINER_RUNTIME) succeeds within 10 s.</summary>
    public static bool Answers => _answers.Value;

    private static bool Probe()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } named ? named : "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
        }
    }
}
