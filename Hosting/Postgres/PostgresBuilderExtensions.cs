using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Postgres;

public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL server. Its password is the secret parameter <c>{name}-password</c>.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true);
        var server = new PostgresServerResource(name, password.Resource);
        return builder.AddResource(server)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", targetPort: 5432))
            .WithAnnotation(new ResourceRunnerAnnotation("Postgres", context => PostgresRunners.Create(context, server)))
            .WithAnnotation(new PostgresAzureDeployment(server));
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database)
            .WithAnnotation(new PostgresDatabaseAzureDeployment(database));
    }
}
