namespace Shop.Hosting.LocalServers;

/// <summary>Finds server programs in the folders Debian installs them to, or on PATH (PostgreSQL keeps
/// initdb and postgres in /usr/lib/postgresql/N/bin, off PATH).</summary>
public static class LocalPrograms
{
    public static string? Find(string program, params string[] extraDirectoryPatterns)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var extra = extraDirectoryPatterns.SelectMany(ExpandPattern);
        // The package's own folders first: Debian's /usr/sbin/rabbitmq-server is a wrapper that switches user.
        return extra.Concat(path)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Expands one trailing '*' segment ("/usr/lib/postgresql/*/bin"), newest version first.</summary>
    private static IEnumerable<string> ExpandPattern(string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return [pattern];
        }

        var parent = pattern[..star].TrimEnd('/');
        var rest = pattern[(star + 1)..].TrimStart('/');
        return Directory.Exists(parent)
            ? Directory.GetDirectories(parent)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, rest))
            : [];
    }

    /// <summary>The user the current process runs as is root: servers that refuse root need another user.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";
}
