using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.LocalServers;

namespace Shop.Hosting.RabbitMQ;

public static class RabbitMQLocalProcessExtensions
{
    private const string DebianBinaries = "/usr/lib/rabbitmq/bin";

    /// <summary>Where no container runtime answers, runs the broker from the machine's rabbitmq-server package instead of
    /// the container, with the management plugin (call it after <c>WithManagementPlugin()</c>, whose endpoint it serves).
    /// Every file (config, data, Erlang cookie) lives in the data folder, and the broker has an epmd of its own on a
    /// private port, run as a process beside it, so that nothing daemonizes and outlives the app host.</summary>
    public static IResourceBuilder<RabbitMQServerResource> RunAsLocalProcessWithoutContainerRuntime(this IResourceBuilder<RabbitMQServerResource> rabbit)
    {
        if (!rabbit.RunsLocally())
        {
            return rabbit;
        }

        var server = PrerequisiteMissingException.Find("RabbitMQ", "rabbitmq-server", "rabbitmq-server", DebianBinaries);
        var epmd = PrerequisiteMissingException.Find("RabbitMQ", "rabbitmq-server", "epmd", "/usr/lib/erlang/bin", "/usr/lib/erlang/erts-*/bin");
        var epmdPort = Invariant(FreePorts.Next());

        var process = rabbit.AddLocalServerProcess(server);
        var folder = process.Resource.DataDirectory;
        var epmdProcess = rabbit.ApplicationBuilder
            .AddResource(new LocalServerProcessResource($"{rabbit.Resource.Name}-epmd", epmd, folder))
            .WithParentRelationship(rabbit)
            .WithArgs("-port", epmdPort, "-address", "127.0.0.1")
            .ExcludeFromManifest();

        var configFile = Path.Combine(folder, "rabbitmq.conf");
        var pluginsFile = Path.Combine(folder, "enabled_plugins");
        process
            .WaitFor(epmdProcess)
            .WithEnvironment(context =>
            {
                var variables = context.EnvironmentVariables;
                // The script execs the Erlang VM instead of staying in between, so the stop signal reaches the broker.
                variables["RUNNING_UNDER_SYSTEMD"] = "true";
                variables["HOME"] = folder;
                variables["ERL_EPMD_PORT"] = epmdPort;
                variables["RABBITMQ_NODENAME"] = "shop@localhost";
                variables["RABBITMQ_DIST_PORT"] = Invariant(FreePorts.Next());
                variables["RABBITMQ_CONFIG_FILE"] = configFile;
                variables["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile;
                variables["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config");
                variables["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf");
                variables["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
                variables["RABBITMQ_MNESIA_DIR"] = Path.Combine(folder, "mnesia", "shop");
                variables["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(folder, "plugins");
                variables["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
                variables["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid");
            })
            .OnBeforeResourceStarted(async (_, _, cancellationToken) =>
            {
                var management = rabbit.Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == "management")
                    ?? throw new InvalidOperationException($"'{rabbit.Resource.Name}' runs with the management plugin: call WithManagementPlugin() before RunAsLocalProcessWithoutContainerRuntime().");
                // The credentials live in a file only this user can read, never on a command line.
                await PrivateFile.WriteAsync(configFile, $"""
                    listeners.tcp.default = 127.0.0.1:{await rabbit.Resource.Port.GetValueAsync(cancellationToken)}
                    management.tcp.ip = 127.0.0.1
                    management.tcp.port = {Invariant(management.Port!.Value)}
                    default_user = {await rabbit.Resource.UserNameReference.GetValueAsync(cancellationToken)}
                    default_pass = {await rabbit.Resource.PasswordParameter.GetValueAsync(cancellationToken)}
                    loopback_users = none
                    log.console = true
                    log.console.level = warning
                    log.file = false
                    """, cancellationToken);
                await File.WriteAllTextAsync(pluginsFile, "[rabbitmq_management].", cancellationToken);
            });
        return rabbit;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
