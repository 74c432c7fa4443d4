using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Postgres;

/// <summary>A PostgreSQL server; its databases are child resources.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;

    public List<PostgresDatabaseResource> Databases { get; } = [];

    public EndpointAnnotation Endpoint => this.GetEndpoint("tcp");

    public string GetConnectionString() =>
        $"Host=127.0.0.1;Port={Endpoint.AllocatedPort};Username={UserName};Password={Password.Value}";
}

/// <summary>A database inside a PostgreSQL server, created on the server's first start.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    public IResource Parent => Server;

    public string GetConnectionString() => $"{Server.GetConnectionString()};Database={DatabaseName}";
}
