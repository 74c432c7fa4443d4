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
