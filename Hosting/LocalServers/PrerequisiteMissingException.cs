namespace Shop.Hosting.LocalServers;

/// <summary>A server cannot run here: no container runtime answers and its local programs are missing.</summary>
public sealed class PrerequisiteMissingException(string server, IReadOnlyList<string> programs, string debianPackage, string? thenRun = null)
    : Exception($"""
        {server} cannot start: no container runtime answers (`docker info` failed) and {string.Join(", ", programs)} not found.
        Fix one of:
          - install Docker (or another runtime whose `docker info` works) and start it, or
          - install the server: sudo apt-get install -y {debianPackage}{(thenRun is null ? "" : $" && {thenRun}")}   (./run.sh does this for you)
        """)
{
    /// <summary>The program's full path, found on PATH or in one of the folders Debian installs it to.</summary>
    public static string Find(string server, string debianPackage, string program, params string[] folders) =>
        LocalPrograms.Find(program, folders) ?? throw new PrerequisiteMissingException(server, [program], debianPackage);
}
