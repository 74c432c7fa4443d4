using global::RabbitMQ.Client;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Containers;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.RabbitMQ;

internal static class RabbitMQRunners
{
    public static IResourceRunner Create(ResourceRunContext context, RabbitMQServerResource rabbit)
    {
        if (context.ContainerEngine is { } engine)
        {
            var spec = new ContainerSpec("rabbitmq:3.13-management", new Dictionary<int, int>
            {
                [rabbit.Endpoint.AllocatedPort!.Value] = 5672,
                [rabbit.ManagementEndpoint.AllocatedPort!.Value] = 15672,
            })
            {
                Environment = new Dictionary<string, string>
                {
                    ["RABBITMQ_DEFAULT_USER"] = RabbitMQServerResource.UserName,
                    ["RABBITMQ_DEFAULT_PASS"] = rabbit.Password.Value,
                },
                DataPath = "/var/lib/rabbitmq",
            };
            return new ContainerRunner(context, engine, spec, ct => IsHealthyAsync(rabbit, ct));
        }

        var server = LocalPrograms.Find("rabbitmq-server", "/usr/lib/rabbitmq/bin");
        var epmd = LocalPrograms.Find("epmd", "/usr/lib/erlang/bin");
        if (server is null || epmd is null)
        {
            throw new PrerequisiteMissingException("RabbitMQ", ["rabbitmq-server", "epmd"], "rabbitmq-server");
        }

        // Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user; the script it wraps runs the broker as we are.
        var direct = Path.Combine("/usr/lib/rabbitmq/bin", "rabbitmq-server");
        return new RabbitMQLocalRunner(context, rabbit, File.Exists(direct) ? direct : server, epmd);
    }

    /// <summary>Opens (and closes) a real AMQP connection with the broker's credentials.</summary>
    public static async Task<bool> IsHealthyAsync(RabbitMQServerResource rabbit, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(rabbit.GetConnectionString()),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync("shop-apphost-health", cancellationToken);
        return connection.IsOpen;
    }
}
