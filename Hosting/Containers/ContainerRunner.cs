using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Containers;

/// <summary>Runs a backing server as a container, attached, so its output is the resource's log. The same health
/// probe as for the local process applies, through the published port.</summary>
public sealed class ContainerRunner(
    ResourceRunContext context,
    ContainerEngine engine,
    ContainerSpec spec,
    Func<CancellationToken, Task<bool>> isHealthy,
    Func<CancellationToken, Task>? afterStart = null) : IResourceRunner
{
    private readonly string _containerName = $"shop-{context.Resource.Name}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(context.State.Path)))[..8]}";
    private ChildProcess? _process;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A container left by an AppHost that was killed outright is removed first: names are per state folder.
        using (var remove = await ChildProcess.StartAsync(new ChildProcessSpec(engine.Cli, ["rm", "-f", _containerName]), (_, _) => { }))
        {
            await remove.WaitForExitAsync(cancellationToken);
        }

        var arguments = new List<string> { "run", "--rm", "--name", _containerName, "--label", "shop.state=" + context.State.Path };
        foreach (var (host, container) in spec.Ports)
        {
            arguments.AddRange(["-p", $"127.0.0.1:{host}:{container}"]);
        }

        foreach (var (key, _) in spec.Environment)
        {
            // Values travel through the CLI's environment, not its command line, so secrets stay out of `ps`.
            arguments.AddRange(["-e", key]);
        }

        if (spec.DataPath is { } dataPath)
        {
            arguments.AddRange(["-v", $"{Path.Combine(context.Directory, "data")}:{dataPath}"]);
        }

        arguments.Add(spec.Image);
        arguments.AddRange(spec.Arguments);
        _process = await context.StartProcessAsync(new ChildProcessSpec(engine.Cli, arguments) { Environment = spec.Environment });
        await ServerReadiness.WaitUntilAsync(isHealthy, _process, TimeSpan.FromMinutes(3), cancellationToken);
        if (afterStart is not null)
        {
            await afterStart(cancellationToken);
        }
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => isHealthy(cancellationToken);

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) =>
        _process?.WaitForExitAsync(cancellationToken) ?? Task.FromResult(0);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var stop = await ChildProcess.StartAsync(new ChildProcessSpec(engine.Cli, ["stop", "-t", "5", _containerName]), (_, _) => { });
        await stop.WaitForExitAsync(cancellationToken);
        if (_process is not null)
        {
            await _process.StopAsync(PosixSignalNumber.Term, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
