using System.Diagnostics;
using System.Reflection;

namespace Shop.Publishing.Tests;

/// <summary>The real Bicep CLI, from the NuGet package Azure.Bicep.CommandLine.linux-x64 (its props name the binary's
/// path, which the test project records as assembly metadata): it builds and lints offline.</summary>
public static class BicepCli
{
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    /// <summary><c>bicep build FILE --stdout</c>: the ARM template on standard output, diagnostics on standard error.</summary>
    public static BicepRun Build(string file) => Run("build", file, "--stdout");

    /// <summary><c>bicep lint FILE</c> with the default linter rules: every diagnostic of the file and of its modules.</summary>
    public static BicepRun Lint(string file) => Run("lint", file);

    private static BicepRun Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"bicep {string.Join(' ', args)} took more than two minutes.");
        }

        return new BicepRun($"bicep {string.Join(' ', args)}", process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>What one run of the Bicep CLI printed.</summary>
public sealed record BicepRun(string Command, int ExitCode, string Output, string Diagnostics)
{
    public override string ToString() => $"{Command}: exit code {ExitCode}\n{Diagnostics}";
}
