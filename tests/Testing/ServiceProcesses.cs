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
    private const int SigStop = 19;
    private const int SigContinue = 18;

    /// <summary>The process DCP runs for the resource (for a project, its <c>dotnet run</c>), if the snapshot has one.</summary>
    public static int? Pid(ResourceEvent resourceEvent) =>
        resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is IConvertible value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The service itself: the child that <c>dotnet run</c> (<paramref name="runner"/>) starts, whose command line
    /// names the project's assembly, and waits for.</summary>
    public static int ServiceProcessOf(int runner, string assembly) =>
        Processes().FirstOrDefault(p => p.ParentPid == runner && p.CommandLine.Contains(assembly, StringComparison.Ordinal)).Pid is > 0 and var pid
            ? pid
            : throw new InvalidOperationException($"No child of process {runner} (the resource's dotnet run) runs {assembly}.");

    /// <summary>Every process running <paramref name="assembly"/> whose environment has <paramref name="variable"/> set to
    /// <paramref name="value"/> (a connection string, which tells one system's services from another's), with its parent.</summary>
    public static IReadOnlyList<(int Pid, int ParentPid)> Running(string assembly, string variable, string value) =>
        [.. Processes()
            .Where(p => p.CommandLine.Contains(assembly, StringComparison.Ordinal) && !p.CommandLine.StartsWith("dotnet\0run", StringComparison.Ordinal)
                && EnvironmentOf(p.Pid).Contains($"\0{variable}={value}\0", StringComparison.Ordinal))
            .Select(p => (p.Pid, p.ParentPid))];

    /// <summary>A crash as the platform sees one: the process dies at once, with no chance to finish anything.</summary>
    public static bool Kill(int pid) => Signal(pid, SigKill) == 0;

    /// <summary>A hung process: it keeps its sockets open and answers nothing until <see cref="Thaw"/>.</summary>
    public static bool Freeze(int pid) => Signal(pid, SigStop) == 0;

    public static bool Thaw(int pid) => Signal(pid, SigContinue) == 0;

    /// <summary>Every process: its id, its parent's, and its command line (arguments separated by NUL characters).</summary>
    private static IEnumerable<(int Pid, int ParentPid, string CommandLine)> Processes()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            (int, int, string)? process = null;
            try
            {
                // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so fields are counted after ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                process = (int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture),
                    File.ReadAllText(Path.Combine(directory, "cmdline")));
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not a process, or one that ended while we looked.
            }

            if (process is { } found)
            {
                yield return found;
            }
        }
    }

    private static string EnvironmentOf(int pid)
    {
        try
        {
            return "\0" + File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);
}
