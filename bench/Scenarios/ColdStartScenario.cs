using System.Text.Json;
using RabbitMQ.Client;
using Shop.Contracts;

namespace Shop.Bench;

/// <summary>Process start → first 200 on a real endpoint (or → first message consumed, for the worker), median of
/// several starts of the published output, each service interleaved with its bare baseline so both see the same
/// machine.</summary>
internal static class ColdStartScenario
{
    public static async Task RunAsync(BenchContext bench)
    {
        var bareApiAssembly = await PublishedApp.PublishAsync(BaselineApps.ProjectFile(BaselineApps.BareApi));
        var bareApi = new List<double>();
        foreach (var (resource, path, headers) in new (string, string, Dictionary<string, string>?)[]
        {
            ("catalog-api", "/api/catalog/items", null),
            ("basket-api", "/api/basket", bench.BuyerHeaders()),
            ("webfrontend", "/", null),
        })
        {
            await bench.MeasureAsync($"{resource} cold start", async () =>
            {
                var assembly = await PublishedApp.PublishAsync(bench.ProjectPath(resource));
                var environment = await bench.EnvironmentOfAsync(resource);
                var starts = new List<(double Service, double Bare)>();
                for (var i = 0; i < bench.ColdStarts; i++)
                {
                    var service = await StartToFirstOkAsync(assembly, environment, path, headers);
                    var bare = await StartToFirstOkAsync(bareApiAssembly, new Dictionary<string, string>(), "/", null);
                    starts.Add((service, bare));
                    bareApi.Add(bare);
                }

                bench.Report.AddRatio("cold start", $"{resource} to first 200", BenchContext.Median(starts.Select(s => s.Service)), "ms",
                    "bare minimal API", BenchContext.Median(bareApi), starts, atMost: 2);
            });
        }

        await bench.MeasureAsync("ordering-worker cold start", () => WorkerAsync(bench));
    }

    private static async Task<double> StartToFirstOkAsync(string assembly, Dictionary<string, string> environment, string path, Dictionary<string, string>? headers)
    {
        using var process = StartedProcess.Start(assembly, environment);
        return (await process.WaitForFirstOkAsync(path, headers)).TotalMilliseconds;
    }

    /// <summary>The AppHost's own worker is stopped meanwhile, so the measured instance is the only consumer.</summary>
    private static async Task WorkerAsync(BenchContext bench)
    {
        var workerAssembly = await PublishedApp.PublishAsync(bench.ProjectPath("ordering-worker"));
        var bareAssembly = await PublishedApp.PublishAsync(BaselineApps.ProjectFile(BaselineApps.BareWorker));
        var workerEnvironment = await bench.EnvironmentOfAsync("ordering-worker");
        await bench.App.StopAsync("ordering-worker", TimeSpan.FromMinutes(1));
        var factory = new ConnectionFactory { Uri = new Uri(bench.App.GetConnectionString("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // Declared as the worker and Basket.Api's sends declare them, so a message can wait before any consumer has run.
        await channel.QueueDeclareAsync(QueueNames.Ordering, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync(BareQueue, durable: true, exclusive: false, autoDelete: false);
        try
        {
            var starts = new List<(double Worker, double Bare)>();
            for (var i = 0; i < bench.ColdStarts; i++)
            {
                await SendOrderAsync(channel);
                var worker = await StartToFirstConsumeAsync(channel, QueueNames.Ordering, workerAssembly, workerEnvironment);
                await channel.BasicPublishAsync("", BareQueue, mandatory: true, new BasicProperties { Persistent = true }, "ping"u8.ToArray());
                var bare = await StartToFirstConsumeAsync(channel, BareQueue, bareAssembly, new Dictionary<string, string>
                {
                    ["ConnectionStrings__messaging"] = bench.App.GetConnectionString("messaging"),
                    ["Queue"] = BareQueue,
                });
                starts.Add((worker, bare));
            }

            bench.Report.AddRatio("cold start", "ordering-worker to first message consumed", BenchContext.Median(starts.Select(s => s.Worker)), "ms",
                "bare RabbitMQ host", BenchContext.Median(starts.Select(s => s.Bare)), starts, atMost: 2);
        }
        finally
        {
            await bench.App.StartAsync("ordering-worker", TimeSpan.FromMinutes(2));
        }
    }

    private const string BareQueue = "bench-bare";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private static async Task<double> StartToFirstConsumeAsync(IChannel channel, string queue, string assembly, Dictionary<string, string> environment)
    {
        using var process = StartedProcess.Start(assembly, environment);
        while (process.SinceStart.Elapsed < TimeSpan.FromSeconds(60))
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue);
            if (declared.MessageCount == 0)
            {
                return process.SinceStart.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{Path.GetFileName(assembly)} consumed nothing from {queue} within 60 s.");
    }

    /// <summary>A real OrderSubmitted in MassTransit's envelope, sent to the worker's queue as Basket.Api sends it.</summary>
    private static async Task SendOrderAsync(IChannel channel)
    {
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            destinationAddress = $"queue:{QueueNames.Ordering}",
            messageType = new[] { "urn:message:Shop.Contracts:OrderSubmitted" },
            message = new OrderSubmitted(
                Guid.NewGuid(),
                "bench-cold-start",
                [new OrderLine(1, "bench", 1.00m, 1)],
                new ShippingAddress("Bench", "1 Loop Road", "Localhost", "12345", "NL"),
                new PaymentMethod("tok_bench", "4242", "Bench"),
                DateTimeOffset.UtcNow),
        };
        var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync("", QueueNames.Ordering, mandatory: true, properties, JsonSerializer.SerializeToUtf8Bytes(envelope, _json));
    }
}
