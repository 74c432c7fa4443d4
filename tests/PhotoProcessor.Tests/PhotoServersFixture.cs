using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting;
using Azure.Storage.Blobs;
using MassTransit;
using Shop.Contracts;
using Shop.Hosting.Azurite;
using Shop.Hosting.Postgres;
using Shop.Hosting.RabbitMQ;
using Shop.Testing;

namespace Shop.PhotoProcessor.Tests;

/// <summary>Real Azurite (with the app host's Event Grid emulation) and RabbitMQ, the photo processor as a process of its
/// own (so a test can kill it), and a bus that records what the processor tells Catalog.Api.</summary>
public sealed class PhotoServersFixture : IAsyncLifetime
{
    public const string Collection = "photo servers";

    [CollectionDefinition(Collection)]
    public sealed class Definition : ICollectionFixture<PhotoServersFixture>;

    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<object> _answers = new();
    private StartedApplication? _app;
    private IBusControl? _bus;

    public StartedApplication App => _app!;

    public BlobServiceClient Storage => new(App.GetConnectionString(ResourceNames.Storage));

    public async Task InitializeAsync()
    {
        var builder = TestServers.CreateBuilder();
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging).WithManagementPlugin().RunAsLocalProcessWithoutContainerRuntime();
        var storage = builder.AddAzurite(ResourceNames.Storage).RunAsLocalProcessWithoutContainerRuntime()
            .WithStorageLayout([PhotoStorage.IncomingContainer, PhotoStorage.PhotosContainer], [PhotoStorage.EventsQueue])
            .WithBlobCreatedEvents(PhotoStorage.IncomingContainer, PhotoStorage.EventsQueue);
        var postgres = builder.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime();
        var catalogDb = postgres.AddDatabase(ResourceNames.CatalogDatabase);
        var orderingDb = postgres.AddDatabase(ResourceNames.OrderingDatabase);
        var identityDb = postgres.AddDatabase(ResourceNames.IdentityDatabase);
        var migrator = builder.AddProject(ResourceNames.Migrator, Repository.ProjectFile("Migrator"))
            .WithReference(catalogDb).WaitFor(catalogDb)
            .WithReference(orderingDb).WaitFor(orderingDb)
            .WithReference(identityDb).WaitFor(identityDb);
        var catalogApi = builder.AddProject(ResourceNames.CatalogApi, Repository.ProjectFile("Catalog.Api"))
            .WithReference(catalogDb).WaitForCompletion(migrator)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(storage).WaitFor(storage)
            .WithEnvironment("Operator__Key", OperatorKey)
            .WithHttpHealthCheck("/health");
        builder.AddProject(ResourceNames.WebFrontend, Repository.ProjectFile("WebFrontend"))
            .WithReference(identityDb).WaitForCompletion(migrator)
            .WithReference(catalogApi).WaitFor(catalogApi)
            .WithReference(storage)
            .WithEnvironment("BuyerTokens__Key", "photo-tests-buyer-token-key-0123456789abcdef")
            .WithHttpHealthCheck("/health");
        _app = await builder.StartAsync(TimeSpan.FromSeconds(240));

        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(App.GetConnectionString(ResourceNames.Messaging)));
            rabbit.ReceiveEndpoint("photo-processor-tests", endpoint =>
            {
                endpoint.Handler<ProductPhotoProcessed>(context => Record(context.Message));
                endpoint.Handler<ProductPhotoRejected>(context => Record(context.Message));
            });
        });
        await _bus.StartAsync();
        Processor = StartProcessor();
    }

    public const string OperatorKey = "photo-tests-operator-key-0123456789";

    /// <summary>The processor every test of the collection shares (a test that kills it starts another).</summary>
    public Process Processor { get; private set; } = null!;

    public HttpClient CreateCatalogClient(string? operatorKey = OperatorKey)
    {
        var client = App.CreateHttpClient(ResourceNames.CatalogApi);
        if (operatorKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Operator-Key", operatorKey);
        }

        return client;
    }

    /// <summary>Kills the shared processor (SIGKILL: no clean-up at all) and starts another.</summary>
    public void RestartProcessor()
    {
        Kill(Processor);
        Processor = StartProcessor();
    }

    /// <summary>A processor process whose events reappear 20 s after it took them, if it dies holding them.</summary>
    private Process StartProcessor() => Process.Start(Repository.StartInfo(
        Repository.BuildOutput("PhotoProcessor"),
        [
            new($"ConnectionStrings__{ResourceNames.Storage}", App.GetConnectionString(ResourceNames.Storage)),
            new($"ConnectionStrings__{ResourceNames.Messaging}", App.GetConnectionString(ResourceNames.Messaging)),
            new("PhotoProcessor__VisibilityTimeout", "00:00:20"),
            new("PhotoProcessor__IdlePollInterval", "00:00:00.200"),
            new("ASPNETCORE_URLS", "http://127.0.0.1:0"),
        ]))!;

    /// <summary>Uploads as Catalog.Api does: <c>{productId}/{uploadId}</c> in the incoming container.</summary>
    public async Task<Guid> UploadAsync(int productId, byte[] photo)
    {
        var uploadId = Guid.CreateVersion7();
        await Storage.GetBlobContainerClient(PhotoStorage.IncomingContainer).UploadBlobAsync($"{productId}/{uploadId}", BinaryData.FromBytes(photo));
        return uploadId;
    }

    public IReadOnlyList<object> AnswersFor(Guid uploadId) =>
        [.. _answers.Where(a => a is ProductPhotoProcessed p && p.UploadId == uploadId || a is ProductPhotoRejected r && r.UploadId == uploadId)];

    /// <summary>Waits until the upload has at least <paramref name="count"/> answers.</summary>
    public async Task<IReadOnlyList<object>> WaitForAnswersAsync(Guid uploadId, int count = 1)
    {
        var giveUp = DateTime.UtcNow + _deadline;
        while (AnswersFor(uploadId) is var answers && answers.Count < count)
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Upload {uploadId}: {answers.Count} of {count} answers after {_deadline}.");
            }

            await Task.Delay(100);
        }

        return AnswersFor(uploadId);
    }

    public async Task DisposeAsync()
    {
        if (Processor is not null)
        {
            Kill(Processor);
        }

        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static void Kill(Process process)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    private Task Record(object answer)
    {
        _answers.Enqueue(answer);
        return Task.CompletedTask;
    }
}
