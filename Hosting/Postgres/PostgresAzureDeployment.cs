using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Postgres;

/// <summary>A PostgreSQL server as Azure Database for PostgreSQL flexible server (Burstable B1ms, the smallest),
/// with every database of the model, reachable from the Container Apps environment.</summary>
internal sealed class PostgresAzureDeployment(PostgresServerResource server) : AzureResourceDeployment
{
    // Azure refuses logins such as "admin", "root" or "azure_superuser"; the services do not mind which login it is.
    private const string AdministratorLogin = "dbadmin";

    private const string ApiVersion = "2024-08-01";

    /// <summary>Connections Burstable B1ms admits for users: max_connections is 50 on 2 GiB of memory, of which Azure
    /// reserves 15 for itself.</summary>
    public const int UserConnections = 35;

    /// <summary>Left free at full scale-out: an operator's psql, a migration in progress.</summary>
    public const int SpareConnections = 2;

    /// <summary>Replicas each client service may run: with one vCore, the server gains nothing from more than about a
    /// dozen queries at once per service, and each replica needs a few pooled connections of its own.</summary>
    public const int MaxReplicasPerClient = 4;

    public override void AddTo(AzureDeployment deployment)
    {
        var module = new AzureModule(deployment);
        var name = module.Pass("name", "string", deployment.UniqueName(server.Name));
        var login = module.Pass("administratorLogin", "string", AdministratorLogin);
        var password = module.Pass("administratorPassword", "string", deployment.Parameter(server.PasswordParameter), secure: true);
        var databaseNames = new BicepArray();
        foreach (var databaseName in server.Databases.Values)
        {
            databaseNames.Add(databaseName);
        }

        var databases = module.Pass("databases", "array", databaseNames);

        var flexibleServer = module.File.Add(new BicepResource("server", $"Microsoft.DBforPostgreSQL/flexibleServers@{ApiVersion}", new BicepObject
        {
            ["name"] = name,
            ["location"] = module.Location,
            ["tags"] = module.Tags,
            ["sku"] = new BicepObject { ["name"] = "Standard_B1ms", ["tier"] = "Burstable" },
            ["properties"] = new BicepObject
            {
                ["version"] = "16",
                ["administratorLogin"] = login,
                ["administratorLoginPassword"] = password,
                ["authConfig"] = new BicepObject { ["activeDirectoryAuth"] = "Disabled", ["passwordAuth"] = "Enabled" },
                ["storage"] = new BicepObject { ["storageSizeGB"] = 32, ["autoGrow"] = "Disabled" },
                ["backup"] = new BicepObject { ["backupRetentionDays"] = 7, ["geoRedundantBackup"] = "Disabled" },
                ["highAvailability"] = new BicepObject { ["mode"] = "Disabled" },
                ["network"] = new BicepObject { ["publicNetworkAccess"] = "Enabled" },
            },
        }));

        var extensions = module.File.Add(new BicepResource("allowedExtensions", $"Microsoft.DBforPostgreSQL/flexibleServers/configurations@{ApiVersion}", new BicepObject
        {
            ["parent"] = flexibleServer,
            ["name"] = "azure.extensions",
            ["properties"] = new BicepObject { ["value"] = "PG_TRGM,FUZZYSTRMATCH", ["source"] = "user-override" },
        })
        {
            Comment = "Azure allows only listed extensions: Catalog.Api's search needs pg_trgm and fuzzystrmatch.",
        });

        var firewall = module.File.Add(new BicepResource("allowAzure", $"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@{ApiVersion}", new BicepObject
        {
            ["parent"] = flexibleServer,
            ["dependsOn"] = new BicepArray { extensions },
            ["name"] = "AllowAllAzureServicesAndResourcesWithinAzureIps",
            ["properties"] = new BicepObject { ["startIpAddress"] = "0.0.0.0", ["endIpAddress"] = "0.0.0.0" },
        })
        {
            Comment = "0.0.0.0 admits Azure's own addresses: a Consumption environment without a virtual network has no fixed outbound IP.",
        });

        module.File.Add(new BicepResource("database", $"Microsoft.DBforPostgreSQL/flexibleServers/databases@{ApiVersion}", new BicepObject
        {
            ["parent"] = flexibleServer,
            ["name"] = new BicepExpression("databaseName"),
            ["properties"] = new BicepObject { ["charset"] = "UTF8", ["collation"] = "en_US.utf8" },
            ["dependsOn"] = new BicepArray { firewall },
        })
        {
            Comment = "One at a time, after the firewall rule: the server refuses concurrent changes.",
            Loop = $"databaseName in {databases}",
            BatchSize = 1,
        });

        module.Output("host", "string", flexibleServer.Member("properties").Member("fullyQualifiedDomainName"));
        deployment.AddModule(server, module);
    }

    public override int? ClientMaxReplicas => MaxReplicasPerClient;

    public override BicepValue GetConnectionString(AzureDeployment deployment) => ConnectionString(deployment, server, database: null);

    /// <summary>Npgsql's format, as locally, over TLS (the flexible server refuses unencrypted connections), with a pool
    /// small enough that every client at its maximum scale-out stays within the server's connection limit.</summary>
    internal static BicepExpression ConnectionString(AzureDeployment deployment, PostgresServerResource server, string? database)
    {
        var port = (server.PrimaryEndpoint.TargetPort ?? 5432).ToString(CultureInfo.InvariantCulture);
        var pool = PoolSize(deployment, server).ToString(CultureInfo.InvariantCulture);
        return BicepExpression.Interpolate(
            "Host=", deployment.ModuleOutput(server, "host"),
            $";Port={port};Username={AdministratorLogin};Password=", deployment.Parameter(server.PasswordParameter),
            database is null ? "" : $";Database={database}",
            $";Ssl Mode=Require;Maximum Pool Size={pool}");
    }

    /// <summary>Each pool's share of the server's connections: (user connections − spare) ÷ the pools of all clients
    /// at full scale-out, a replica holding one pool per connection string (per database) it has.</summary>
    internal static int PoolSize(AzureDeployment deployment, PostgresServerResource server)
    {
        var clients = deployment.ClientsOf(server);
        var replicas = clients.Sum(c => deployment.MaxReplicas(c) * deployment.ConnectionTargets(c).Count(t => AzureDeployment.Owner(t) == server));
        var pool = (UserConnections - SpareConnections) / Math.Max(replicas, 1);
        if (pool < 1)
        {
            throw new InvalidOperationException(
                $"'{server.Name}' admits {UserConnections} connections; its clients ({string.Join(", ", clients.Select(c => c.Name))}) " +
                $"may run {replicas} replicas at once, more than it can serve. Lower their replicas or choose a larger server.");
        }

        return pool;
    }
}
