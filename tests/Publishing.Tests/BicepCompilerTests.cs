using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Shop.Publishing.Tests;

/// <summary>The real Bicep compiler (NuGet Azure.Bicep.CommandLine, offline) builds what publish writes: main.bicep
/// and, through it, every module, with the linter's default rules. An error or a warning fails the test.</summary>
public sealed class BicepCompilerTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string _bicep = typeof(BicepCompilerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    [Fact]
    public async Task Main_and_every_module_compile_to_one_ARM_template_without_errors_or_warnings()
    {
        var start = new ProcessStartInfo(_bicep, ["build", Path.Combine(deployment.Published.Directory, "infra", "main.bicep"), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var template = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var diagnostics = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        var errors = await diagnostics;
        Assert.True(process.ExitCode == 0 && errors.Length == 0, $"bicep build exited with {process.ExitCode}:\n{errors}");
        using var json = JsonDocument.Parse(await template);
        var modules = json.RootElement.GetProperty("resources").EnumerateArray()
            .Count(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments");
        Assert.Equal(deployment.Published.Bicep.Count - 1, modules);
    }
}
