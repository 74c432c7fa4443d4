using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Shop.Hosting.Publishing;

namespace Shop.Publishing.Tests;

/// <summary>An azd project written by the app host's own <c>publish</c> verb, as the README runs it, into a throw-away
/// folder, and compiled by the real Bicep CLI into the ARM template that Azure would deploy.</summary>
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

        Files = ReadFiles(Directory);
        Template = new ArmTemplate(Directory);
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

    /// <summary>main.bicep as <c>bicep build</c> compiles it.</summary>
    public ArmTemplate Template { get; }

    /// <summary>main.parameters.json.</summary>
    public JsonObject Parameters => JsonNode.Parse(Files["infra/main.parameters.json"])!["parameters"]!.AsObject();

    /// <summary>A builder in publish mode, for a model of a test's own.</summary>
    public static IDistributedApplicationBuilder PublishModeBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });

    /// <summary>The azd publisher over a built application's model, as the publish step creates it.</summary>
    public static AzdPublisher PublisherFor(DistributedApplication application) => new(
        application.Services.GetRequiredService<DistributedApplicationModel>(),
        application.Services.GetRequiredService<DistributedApplicationExecutionContext>(),
        RepositoryRoot);

    public static Dictionary<string, string> ReadFiles(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText);

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
