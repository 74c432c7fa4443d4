using System.Diagnostics;

namespace Shop.Hosting.Containers;

/// <summary>A container engine whose CLI answers <c>docker info</c> (Docker, or Podman behind the docker name).</summary>
public sealed class ContainerEngine(string cli)
{
    public string Cli { get; } = cli;

    /// <summary>The engine, or null when none answers within a few seconds.</summary>
    public static ContainerEngine? Detect()
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(cli, "info")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (process is null)
                {
                    continue;
                }

                process.StandardOutput.ReadToEndAsync();
                process.StandardError.ReadToEndAsync();
                if (process.WaitForExit(TimeSpan.FromSeconds(5)) && process.ExitCode == 0)
                {
                    return new ContainerEngine(cli);
                }

                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // The CLI is not installed.
            }
        }

        return null;
    }
}
