using System.Diagnostics;
using System.Reflection;

namespace Shop.Publishing.Tests;

/// <summary>An azd project written by the app host's own <c>publish</c> verb, as the README runs it, into a throw-away
/// folder, parsed.</summary>
public sealed class PublishedProject : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shop-tests", "publish-" + Guid.NewGuid().ToString("N")[..8]);

    public PublishedProject()
    {
        Directory = Path.Combine(_root, "out");
        var (exitCode, output) = RunAppHost(["publish", "--output", Directory], SecretCanaries);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"publish exited with {exitCode}:\n{output}");
        }

        Files = System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'), File.ReadAllText);
        Bicep = Files.Where(f => f.Key.EndsWith(".bicep", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["infra/".Length..^".bicep".Length], f => BicepReader.Parse(f.Value));
    }

    /// <summary>Values given to the secret parameters while publishing: none may reach a generated file.</summary>
    public static IReadOnlyDictionary<string, string> SecretCanaries { get; } = new Dictionary<string, string>
    {
        ["Parameters__postgres-password"] = "CanaryPostgres7f3a9d",
        ["Parameters__cache-password"] = "CanaryCache2b8e41",
        ["Parameters__messaging-password"] = "CanaryMessaging5c0d77",
        ["Parameters__operator-key"] = "CanaryOperator9e6f12",
        ["Parameters__buyer-token-key"] = "CanaryBuyer3a4b5c",
    };

    /// <summary>The app host's project folder (Aspire's metadata of an app host names its folder, not its file).</summary>
    public static string AppHostDirectory => Path.TrimEndingDirectorySeparator(Projects.AppHost.ProjectPath);

    /// <summary>The repository root: the app host project's parent folder.</summary>
    public static string RepositoryRoot => Path.GetDirectoryName(AppHostDirectory)!;

    public string Directory { get; }

    /// <summary>A folder for other output of the tests, deleted with the published project.</summary>
    public string ScratchDirectory => Path.Combine(_root, "scratch");

    /// <summary>Every file written, by path relative to the output folder.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Parsed .bicep files by module name (<c>main</c>, <c>catalog-api</c>, …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BicepDeclaration>> Bicep { get; }

    public BicepDeclaration Declaration(string file, string keyword, string name) =>
        Bicep[file].SingleOrDefault(d => d.Keyword == keyword && d.Name == name)
        ?? throw new KeyNotFoundException($"{file}.bicep declares no {keyword} '{name}'.");

    /// <summary>The container app resource of a module.</summary>
    public BicepNode App(string module) => Declaration(module, "resource", "app").Value!;

    /// <summary>What main.bicep passes to a module.</summary>
    public BicepNode ModuleArguments(string module) =>
        Bicep["main"].Single(d => d.Keyword == "module" && d.TypeOrPath == $"{module}.bicep").Value!["params"];

    /// <summary>Runs the app host, built with the tests, as <c>dotnet run --project AppHost -- {args}</c>; returns its
    /// exit code and output.</summary>
    public static (int ExitCode, string Output) RunAppHost(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = typeof(PublishedProject).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--no-build", "--configuration", configuration, "--project", AppHostDirectory, "--"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("publish took more than two minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
