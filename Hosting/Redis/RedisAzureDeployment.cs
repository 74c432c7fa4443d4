using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Redis;

/// <summary>A Redis server as Azure Managed Redis (Balanced B0, the smallest): TLS on port 10000, one endpoint,
/// and password (access-key) authentication, which the services' RESP client speaks.</summary>
internal sealed class RedisAzureDeployment(RedisResource redis) : AzureResourceDeployment
{
    // The first GA version with the Non-clustered policy.
    private const string ApiVersion = "2025-07-01";

    // Azure Managed Redis serves its database over TLS on this port.
    private const int Port = 10000;

    public override void AddTo(AzureDeployment deployment)
    {
        var module = new AzureModule(deployment);
        var name = module.Pass("name", "string", deployment.UniqueName(redis.Name));
        var cluster = module.File.Add(new BicepResource("cache", $"Microsoft.Cache/redisEnterprise@{ApiVersion}", new BicepObject
        {
            ["name"] = name,
            ["location"] = module.Location,
            ["tags"] = module.Tags,
            ["sku"] = new BicepObject { ["name"] = "Balanced_B0" },
            ["properties"] = new BicepObject
            {
                ["minimumTlsVersion"] = "1.2",
                // One node, no replica: about half the price; a cache restart loses what it held.
                ["highAvailability"] = "Disabled",
                // The services connect with the access key over TLS; there is no private endpoint in this deployment.
                ["publicNetworkAccess"] = "Enabled",
            },
        }));
        module.File.Add(new BicepResource("database", $"Microsoft.Cache/redisEnterprise/databases@{ApiVersion}", new BicepObject
        {
            ["parent"] = cluster,
            ["name"] = "default",
            ["properties"] = new BicepObject
            {
                ["clientProtocol"] = "Encrypted",
                ["port"] = Port,
                // One unsharded database: the basket merge is one script over two buyers' keys, which lie in different
                // hash slots, and both clustered policies refuse a script across slots (CROSSSLOT).
                ["clusteringPolicy"] = "NoCluster",
                // Baskets are data, not a cache: refuse writes when full rather than drop someone's basket.
                ["evictionPolicy"] = "NoEviction",
                ["accessKeysAuthentication"] = "Enabled",
            },
        }));
        module.Output("host", "string", cluster.Member("properties").Member("hostName"));
        deployment.AddModule(redis, module);
    }

    /// <summary><c>host:10000,password=…,ssl=true</c>, the password being the database's access key, which ARM
    /// reads at deployment time: no output or file ever holds it.</summary>
    public override BicepValue GetConnectionString(AzureDeployment deployment)
    {
        var symbol = $"{BicepNames.Symbol(redis.Name)}Database";
        if (!deployment.Main.Declares(symbol))
        {
            deployment.Main.Add(new BicepResource(symbol, $"Microsoft.Cache/redisEnterprise/databases@{ApiVersion}", new BicepObject
            {
                ["scope"] = deployment.ResourceGroup,
                ["name"] = deployment.UniqueName(redis.Name, "/default"),
            })
            {
                Existing = true,
                Comment = $"The database of '{redis.Name}', for its access key.",
            });
        }

        return BicepExpression.Interpolate(
            deployment.ModuleOutput(redis, "host"), $":{Port},password=", new BicepExpression($"{symbol}.listKeys().primaryKey"), ",ssl=true");
    }
}
