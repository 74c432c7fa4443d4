namespace Shop.Bench;

internal static class Memory
{
    /// <summary>Resident set size from /proc, in MB.</summary>
    public static long ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The process of a service run by the AppHost: it carries the state folder's marker and its assembly on the command line.</summary>
    public static int FindServiceProcess(string stateDirectory, string assemblyPath)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid)
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(assemblyPath, StringComparison.Ordinal)
                    && File.ReadAllText(Path.Combine(directory, "environ")).Contains($"SHOP_STATE_DIR={stateDirectory}\0", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // Ended while we looked.
            }
        }

        throw new InvalidOperationException($"No running process of {Path.GetFileName(assemblyPath)}.");
    }
}
