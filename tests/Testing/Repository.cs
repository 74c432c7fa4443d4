using System.Diagnostics;

namespace Shop.Testing;

/// <summary>Paths in this repository, for tests that run a service project or its build output.</summary>
public static class Repository
{
    /// <summary>The folder holding Shop.sln, found upwards from the test's own build output.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The project file of a service, as Aspire's <c>AddProject(name, path)</c> takes it.</summary>
    public static string ProjectFile(string project) => Path.Combine(Root, project, project + ".csproj");

    /// <summary>A service's assembly in its build output, built with the same configuration as the tests.</summary>
    public static string BuildOutput(string project) => Path.Combine(Root, project, "bin", Configuration, "net10.0", project + ".dll");

    /// <summary>How tests and the bench run a program from its build output: <c>dotnet X.dll</c> in its own folder, its
    /// output redirected, with <paramref name="environment"/> on top of this process's.</summary>
    public static ProcessStartInfo StartInfo(string assemblyPath, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet", [assemblyPath])
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Shop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}.");
    }
}
