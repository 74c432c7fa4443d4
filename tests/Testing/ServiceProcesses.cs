using System.Globalization;
using System.Runtime.InteropServices;
using Aspire.Hosting.ApplicationModel;

namespace Shop.Testing;

/// <summary>The processes behind a project resource, found as an operator finds them, for tests that crash a service the
/// way the platform sees a crash (SIGKILL).</summary>
public static class ServiceProcesses
{
    /// <summary>Aspire's snapshot property holding the process id DCP started (<c>KnownProperties.Executable.Pid</c>,
    /// which Aspire keeps internal).</summary>
    private const string PidProperty = "executable.pid";

    private const int SigKill = 9;

    /// <summary>The process DCP runs for the resource (for a project, its <c>dotnet run</c>), if the snapshot has one.</summary>
    public static int? Pid(ResourceEvent resourceEvent) =>
        resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is IConvertible value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The service itself: the child that <c>dotnet run</c> (<paramref name="runner"/>) starts, whose command line
    /// names the project's assembly, and waits for.</summary>
    public static int ServiceProcessOf(int runner, string assembly)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so fields are counted after ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == runner
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(assembly, StringComparison.Ordinal))
                {
                    return int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not a process, or one that ended while we looked.
            }
        }

        throw new InvalidOperationException($"No child of process {runner} (the resource's dotnet run) runs {assembly}.");
    }

    /// <summary>A crash as the platform sees one: the process dies at once, with no chance to finish anything.</summary>
    public static bool Kill(int pid) => Signal(pid, SigKill) == 0;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);
}
