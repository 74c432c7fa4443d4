using System.Reflection;

namespace Shop.Hosting.Publishing;

/// <summary>Where the app host's project lives. Its build records the folder in the assembly (see
/// build/Shop.Hosting.targets), as <c>dotnet run</c> starts it from wherever the caller stands.</summary>
internal static class AppHostDirectory
{
    public const string MetadataKey = "Shop.AppHostDirectory";

    /// <summary>The application root: the folder holding the app host project, home of azure.yaml and infra/.</summary>
    public static string FindApplicationRoot()
    {
        var assembly = Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly: publish from the app host.");
        var directory = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not record its project folder: import Shop.Hosting.targets in the app host project.");
        return Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory))!;
    }
}
