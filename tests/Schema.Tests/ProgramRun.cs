using System.Diagnostics;
using Shop.Testing;

namespace Shop.Schema.Tests;

/// <summary>One run of a Shop program from its build output (<c>dotnet X.dll</c>) until it exits by itself.</summary>
public sealed record ProgramRun(int ExitCode, IReadOnlyList<string> Lines)
{
    public static async Task<ProgramRun> RunAsync(string project, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        Dictionary<string, string> settings = new()
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        using var process = Process.Start(Repository.StartInfo(Repository.BuildOutput(project), settings)) ?? throw new InvalidOperationException($"{project} could not be started.");
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{project} did not exit within {timeout}.");
        }

        var text = await output;
        return new ProgramRun(process.ExitCode, [.. text.SelectMany(part => part.Split('\n', StringSplitOptions.RemoveEmptyEntries))]);
    }
}
