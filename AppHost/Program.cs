using Shop.Hosting;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Postgres;
using Shop.Hosting.Projects;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Redis;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");
var cache = builder.AddRedis("cache");
var messaging = builder.AddRabbitMQ("messaging");

// Operators authenticate with the operator key; buyer tokens are signed with the buyer-token key.
var operatorKey = builder.AddParameter("operator-key", secret: true);
var buyerTokenKey = builder.AddParameter("buyer-token-key", secret: true);

// Each service scales to zero when deployed: HTTP requests and messages in the queue it consumes wake it up.
var catalogApi = builder.AddProject<Projects.Catalog_Api>("catalog-api", port: 5101)
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithRabbitMQScaleRule(messaging, "catalog-stock")
    .WithEnvironment("Operator__Key", operatorKey);

var basketApi = builder.AddProject<Projects.Basket_Api>("basket-api", port: 5102)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(catalogApi)
    .WithEnvironment("BuyerTokens__Key", buyerTokenKey);

var orderingWorker = builder.AddProject<Projects.Ordering_Worker>("ordering-worker", port: 5103)
    .WithReference(orderingDb).WaitFor(orderingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithRabbitMQScaleRule(messaging, "ordering")
    .WithEnvironment("Operator__Key", operatorKey)
    .WithEnvironment("BuyerTokens__Key", buyerTokenKey);

builder.AddProject<Projects.WebFrontend>("webfrontend", port: 5080)
    .WithExternalHttpEndpoints()
    .WithReference(catalogApi).WaitFor(catalogApi)
    .WithReference(basketApi)
    .WithReference(orderingWorker)
    .WithEnvironment("BuyerTokens__Key", buyerTokenKey);

builder.Build().Run();
