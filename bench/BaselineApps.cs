using Shop.Testing;

namespace Shop.Bench;

/// <summary>The baseline programs under bench/Baselines/: Bench.csproj references them, so they are built with the
/// bench, in its configuration.</summary>
internal static class BaselineApps
{
    public const string BareApi = "BareApi";
    public const string BareWorker = "BareWorker";
    public const string BarePhoto = "BarePhoto";
    public const string RawApi = "RawApi";

    public static string ProjectFile(string name) => Path.Combine(Folder(name), name + ".csproj");

    public static string BuildOutput(string name) => Path.Combine(Folder(name), "bin", Configuration, "net10.0", name + ".dll");

    private static string Folder(string name) => Path.Combine(Repository.Root, "bench", "Baselines", name);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
