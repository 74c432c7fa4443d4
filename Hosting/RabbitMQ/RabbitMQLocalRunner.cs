using System.Globalization;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.RabbitMQ;

/// <summary>Runs the broker from the machine's rabbitmq-server package, with its own epmd on a private port so that
/// nothing daemonizes and outlives the AppHost, and every file (config, data, cookie) in the resource's folder.</summary>
internal sealed class RabbitMQLocalRunner(ResourceRunContext context, RabbitMQServerResource rabbit, string rabbitmqServer, string epmd) : LocalServerRunner
{
    private ChildProcess? _epmd;

    /// <summary>SIGTERM is the broker's graceful stop; durable queues and persistent messages survive it.</summary>
    protected override PosixSignalNumber StopSignal => PosixSignalNumber.Term;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = context.Directory;
        var epmdPort = Invariant(PortAllocator.GetFreePort());
        _epmd = await context.StartProcessAsync(new ChildProcessSpec(epmd, ["-port", epmdPort, "-address", "127.0.0.1"]));

        var configFile = Path.Combine(directory, "rabbitmq.conf");
        await PrivateFile.WriteAsync(configFile, $"""
            listeners.tcp.default = 127.0.0.1:{Invariant(rabbit.Endpoint.AllocatedPort!.Value)}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {Invariant(rabbit.ManagementEndpoint.AllocatedPort!.Value)}
            default_user = {RabbitMQServerResource.UserName}
            default_pass = {rabbit.Password.Value}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """, cancellationToken);
        var pluginsFile = Path.Combine(directory, "enabled_plugins");
        await File.WriteAllTextAsync(pluginsFile, "[rabbitmq_management].", cancellationToken);

        Server = await context.StartProcessAsync(new ChildProcessSpec(rabbitmqServer, [])
        {
            Environment = new Dictionary<string, string>
            {
                // Makes the script exec the Erlang VM instead of staying in between, so the parent-death
                // signal and our stop signal reach the broker itself.
                ["RUNNING_UNDER_SYSTEMD"] = "true",
                ["HOME"] = directory,
                ["ERL_EPMD_PORT"] = epmdPort,
                ["RABBITMQ_NODENAME"] = "shop@localhost",
                ["RABBITMQ_DIST_PORT"] = Invariant(PortAllocator.GetFreePort()),
                ["RABBITMQ_CONFIG_FILE"] = configFile,
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile,
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config"),
                ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
                ["RABBITMQ_MNESIA_DIR"] = Path.Combine(directory, "mnesia", "shop"),
                ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(directory, "plugins"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
                ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            },
        });
        await ServerReadiness.WaitUntilAsync(IsHealthyAsync, Server, TimeSpan.FromSeconds(90), cancellationToken);
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => RabbitMQRunners.IsHealthyAsync(rabbit, cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_epmd is not null)
        {
            await _epmd.StopAsync(PosixSignalNumber.Term, cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _epmd?.Dispose();
        await base.DisposeAsync();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
