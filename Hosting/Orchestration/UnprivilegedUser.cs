using System.Diagnostics;

namespace Shop.Hosting.Orchestration;

/// <summary>Lets a server that refuses root (PostgreSQL) run as an ordinary user when the AppHost runs as root.</summary>
internal static class UnprivilegedUser
{
    /// <summary>The preferred account when it exists (Debian's packages create 'postgres'), otherwise 'nobody'.</summary>
    public static string Pick(string preferred) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(preferred + ":", StringComparison.Ordinal)) ? preferred : "nobody";

    /// <summary>Gives <paramref name="user"/> the resource folder and lets it pass through every folder above it
    /// (search permission only: it cannot list them).</summary>
    public static void GrantAccess(string user, string directory, Action<string, bool> log)
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
                log($"Allowing user '{user}' to pass through {parent.FullName} (adding o+x) to reach its data folder.", false);
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
