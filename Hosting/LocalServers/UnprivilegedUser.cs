using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Shop.Hosting.LocalServers;

/// <summary>Lets a server that refuses root (PostgreSQL) run as an ordinary user when the AppHost runs as root.</summary>
internal static class UnprivilegedUser
{
    /// <summary>The preferred account when it exists (Debian's packages create 'postgres'), otherwise 'nobody'.</summary>
    public static string Pick(string preferred) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(preferred + ":", StringComparison.Ordinal)) ? preferred : "nobody";

    /// <summary>Gives <paramref name="user"/> the resource folder and lets it pass through every folder above it
    /// (search permission only: it cannot list them).</summary>
    public static void GrantAccess(string user, string directory, ILogger log)
    {
        GiveOwnership(user, directory);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var parent = Directory.GetParent(directory); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                log.LogInformation("Allowing user {User} to pass through {Folder} (adding o+x) to reach its data folder", user, parent.FullName);
                File.SetUnixFileMode(parent.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    public static void GiveOwnership(string user, string path)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:", path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("chown could not be started.");
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R {user}: {path} failed with code {chown.ExitCode}.");
        }
    }
}
