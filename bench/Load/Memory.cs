namespace Shop.Bench;

internal static class Memory
{
    /// <summary>Resident set size from /proc, in MB.</summary>
    public static long ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The process of a service run by the AppHost: its program from the build output on the command line (not
    /// the <c>dotnet run</c> that DCP starts it with), and in its environment the listening port the bench gave it,
    /// which no other run's instance has.</summary>
    public static int FindServiceProcess(string buildOutput, int port)
    {
        // The apphost executable or the assembly beside it: either way the path without the extension.
        var program = Path.ChangeExtension(buildOutput, null);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid)
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(program, StringComparison.Ordinal)
                    && ListensOn(File.ReadAllText(Path.Combine(directory, "environ")), port))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended while we looked, or not ours to read.
            }
        }

        throw new InvalidOperationException($"No running process of {Path.GetFileName(program)}.");
    }

    private static bool ListensOn(string environ, int port) =>
        environ.Split('\0').FirstOrDefault(variable => variable.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal)) is { } urls
        && urls["ASPNETCORE_URLS=".Length..].Split(';').Any(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port == port);
}
