using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.RabbitMQ;

public static class RabbitMQBuilderExtensions
{
    /// <summary>Adds a RabbitMQ broker. Its password is the secret parameter <c>{name}-password</c>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true);
        var rabbit = new RabbitMQServerResource(name, password.Resource);
        return builder.AddResource(rabbit)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", targetPort: 5672))
            .WithAnnotation(new EndpointAnnotation("management", "http", targetPort: 15672))
            .WithAnnotation(new ResourceRunnerAnnotation("RabbitMQ", context => RabbitMQRunners.Create(context, rabbit)));
    }
}
