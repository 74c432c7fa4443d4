using System.Diagnostics;

namespace Shop.Bench;

/// <summary>A project published as its container image holds it (Release, linux-x64, framework-dependent,
/// ReadyToRun) under bench/bin/published: what wakes from zero in Azure is this output, not the build output.
/// Services and baselines are published alike, so a cold-start ratio compares like with like.</summary>
internal static class PublishedApp
{
    private static readonly Stopwatch _publishing = new();

    /// <summary>Time spent publishing in this run: build work, reported apart from the measuring.</summary>
    public static TimeSpan Elapsed => _publishing.Elapsed;

    /// <summary>Publishes (incrementally: a second run takes seconds) and returns the published assembly's path.</summary>
    public static async Task<string> PublishAsync(string projectPath)
    {
        _publishing.Start();
        try
        {
            return await RunPublishAsync(projectPath);
        }
        finally
        {
            _publishing.Stop();
        }
    }

    private static async Task<string> RunPublishAsync(string projectPath)
    {
        var name = Path.GetFileNameWithoutExtension(projectPath);
        var output = Path.Combine(AppContext.BaseDirectory, "published", name);
        Console.WriteLine($"  publishing {name} (ReadyToRun)…");
        using var process = Process.Start(new ProcessStartInfo("dotnet",
        [
            "publish", projectPath, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "quiet",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("dotnet publish could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? Path.Combine(output, name + ".dll")
            : throw new InvalidOperationException($"dotnet publish {name} failed:\n{await stdout}{await stderr}");
    }
}
