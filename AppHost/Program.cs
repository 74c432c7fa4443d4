using Shop.Contracts;
using Shop.Hosting.Azurite;
using Shop.Hosting.Postgres;
using Shop.Hosting.Projects;
using Shop.Hosting.Publishing;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Redis;
using Shop.Hosting.ScaleToZero;

// `publish` writes the azd project (azure.yaml, infra/) through Aspire's publish pipeline instead of running anything.
var builder = DistributedApplication.CreateBuilder(PublishVerb.Expand(args));
builder.AddAzdPublisher();

// With ScaleToZero:IdleTime set (./run.sh --scale-to-zero), the services scale to zero and wake as they do deployed.
builder.AddScaleToZero();

// Containers where a container runtime answers; otherwise the same servers from the machine's packages.
var postgres = builder.AddPostgres("postgres").WithDataVolume().RunAsLocalProcessWithoutContainerRuntime();
var catalogDb = postgres.AddDatabase(ResourceNames.CatalogDatabase);
var orderingDb = postgres.AddDatabase(ResourceNames.OrderingDatabase);
var identityDb = postgres.AddDatabase(ResourceNames.IdentityDatabase);
var cache = builder.AddRedis(ResourceNames.Cache).WithDataVolume().RunAsLocalProcessWithoutContainerRuntime();
var messaging = builder.AddRabbitMQ(ResourceNames.Messaging).WithManagementPlugin().WithDataVolume().RunAsLocalProcessWithoutContainerRuntime();
// Product photos: an upload to the incoming container becomes a BlobCreated event in the queue the processor reads.
// Deployed, each service reaches storage as its own managed identity, with a role on the containers and queue it uses.
var storage = builder.AddAzurite(ResourceNames.Storage).WithDataVolume().RunAsLocalProcessWithoutContainerRuntime()
    .WithStorageLayout([PhotoStorage.IncomingContainer, PhotoStorage.PhotosContainer], [PhotoStorage.EventsQueue])
    .WithBlobCreatedEvents(PhotoStorage.IncomingContainer, PhotoStorage.EventsQueue);

// Operators authenticate with the operator key; buyer tokens are signed with the buyer-token key.
var operatorKey = builder.AddParameter("operator-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
var buyerTokenKey = builder.AddParameter("buyer-token-key", new GenerateParameterDefault { MinLength = 40, Special = false }, secret: true, persist: true);

// Each service listens on the port of its launch profile (5080, 5101–5103).
// Each service scales to zero when deployed: HTTP requests and messages in the queue it consumes wake it up.
// A service that exits on its own is started again with back-off, here as in Container Apps (the migrator, which runs
// once, is not).
// The services read references the .NET way only (ConnectionStrings__x, services__x__http__0), not also as X_HOST,
// X_PASSWORD… copies that would spread every secret once more.
const ReferenceEnvironmentInjectionFlags DotNetReferences = ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery;

// Migrates the databases once and exits; the services that use them start after it has completed, so none of their
// (cold) starts pays for a migration.
var migrator = builder.AddProject<Projects.Migrator>(ResourceNames.Migrator)
    .WithReferenceEnvironment(DotNetReferences)
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(orderingDb).WaitFor(orderingDb)
    .WithReference(identityDb).WaitFor(identityDb);

var catalogApi = builder.AddProject<Projects.Catalog_Api>(ResourceNames.CatalogApi)
    .WithRestartOnExit()
    .WithHttpHealthCheck("/health")
    .WithReferenceEnvironment(DotNetReferences)
    .WithReference(catalogDb).WaitForCompletion(migrator)
    .WithReference(messaging).WaitFor(messaging)
    .WithRabbitMQScaleRule(messaging, QueueNames.CatalogStock)
    .WithReference(storage).WaitFor(storage)
    .WithStorageRole(storage, StorageRole.BlobDataContributor, PhotoStorage.IncomingContainer)
    .WithRabbitMQScaleRule(messaging, QueueNames.CatalogPhotos)
    .WithEnvironment("Operator__Key", operatorKey);

builder.AddProject<Projects.PhotoProcessor>(ResourceNames.PhotoProcessor)
    .WithRestartOnExit()
    .WithHttpHealthCheck("/health")
    .WithReferenceEnvironment(DotNetReferences)
    .WithReference(storage).WaitFor(storage)
    .WithStorageRole(storage, StorageRole.BlobDataReader, PhotoStorage.IncomingContainer)
    .WithStorageRole(storage, StorageRole.BlobDataContributor, PhotoStorage.PhotosContainer)
    .WithStorageRole(storage, StorageRole.QueueDataMessageProcessor, PhotoStorage.EventsQueue)
    .WithReference(messaging).WaitFor(messaging)
    .WithAzureQueueScaleRule(storage, PhotoStorage.EventsQueue);

var basketApi = builder.AddProject<Projects.Basket_Api>(ResourceNames.BasketApi)
    .WithRestartOnExit()
    .WithHttpHealthCheck("/health")
    .WithReferenceEnvironment(DotNetReferences)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(catalogApi)
    .WithEnvironment("BuyerTokens__Key", buyerTokenKey);

var orderingWorker = builder.AddProject<Projects.Ordering_Worker>(ResourceNames.OrderingWorker)
    .WithRestartOnExit()
    .WithHttpHealthCheck("/health")
    .WithReferenceEnvironment(DotNetReferences)
    .WithReference(orderingDb).WaitForCompletion(migrator)
    .WithReference(messaging).WaitFor(messaging)
    .WithRabbitMQScaleRule(messaging, QueueNames.Ordering)
    .WithEnvironment("Operator__Key", operatorKey)
    .WithEnvironment("BuyerTokens__Key", buyerTokenKey);

// The shopper's cookies (buyer, account, antiforgery) are protected by the frontend's key ring: deployed, it lives on a share
// every replica and revision mounts, so a scale from zero or a new revision still reads the cookies issued before.
builder.AddProject<Projects.WebFrontend>(ResourceNames.WebFrontend)
    .WithRestartOnExit()
    .WithExternalHttpEndpoints()
    .WithPersistentFolder("keys", "DataProtection__KeysFolder")
    .WithHttpHealthCheck("/health")
    .WithReferenceEnvironment(DotNetReferences)
    .WithReference(identityDb).WaitForCompletion(migrator)
    .WithReference(catalogApi).WaitFor(catalogApi)
    .WithReference(storage)
    .WithStorageRole(storage, StorageRole.BlobDataReader, PhotoStorage.PhotosContainer)
    .WithReference(basketApi)
    .WithReference(orderingWorker)
    .WithEnvironment("BuyerTokens__Key", buyerTokenKey);

builder.Build().Run();
