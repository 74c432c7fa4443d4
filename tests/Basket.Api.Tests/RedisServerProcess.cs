using System.Diagnostics;
using System.Net.Sockets;

namespace Shop.Basket.Api.Tests;

/// <summary>A redis-server of its own for one client test, on a free loopback port, configured by the test (password,
/// ACL users, TLS). It starts in milliseconds, so tests that kill or freeze it need not share it.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("basket-redis-").FullName;
    private readonly string _configFile;
    private Process? _process;

    private RedisServerProcess(int port, string configuration)
    {
        Port = port;
        _configFile = Path.Combine(_directory, "redis.conf");
        File.WriteAllText(_configFile, $"""
            bind 127.0.0.1
            daemonize no
            dir {_directory}
            save ""
            appendonly no
            {configuration}
            """);
    }

    public int Port { get; }

    /// <summary>Starts a server; <paramref name="configuration"/> holds extra redis.conf lines, and <c>{port}</c> in it
    /// is replaced by the port (for <c>tls-port</c>). Without a <c>port</c> line, it listens in plain TCP.</summary>
    public static async Task<RedisServerProcess> StartAsync(string configuration = "")
    {
        var port = ClosedPort.Find();
        var lines = configuration.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (!lines.Contains("port ", StringComparison.Ordinal))
        {
            lines = $"port {port}\n{lines}";
        }

        var server = new RedisServerProcess(port, lines);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server again (after <see cref="Kill"/>) with the same configuration and port.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", [_configFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}; see {_configFile}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, deadline.Token);
            }
        }
    }

    /// <summary>SIGKILL: the server vanishes mid-conversation, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the server keeps its connections open but answers nothing, like a hung host.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    public Task ThawAsync() => SignalAsync("-CONT");

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await ThawAsync();
        }

        await KillAsync();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
