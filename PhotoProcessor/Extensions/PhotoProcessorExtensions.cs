using Azure.Storage.Queues;
using MassTransit;
using Shop.Contracts;
using Shop.PhotoProcessor.Processing;

namespace Shop.PhotoProcessor.Extensions;

public static class PhotoProcessorExtensions
{
    public static TBuilder AddPhotoProcessor<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<PhotoProcessorOptions>()
            .BindConfiguration(PhotoProcessorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Event Grid delivers each event to a storage queue as base64 text.
        builder.Services.AddStorageClients(ResourceNames.Storage, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        builder.Services.AddSingleton(services => services.GetRequiredService<QueueServiceClient>().GetQueueClient(PhotoStorage.EventsQueue));
        builder.Services.AddSingleton<PhotoPipeline>();
        builder.Services.AddHostedService<PhotoEventListener>();

        var messaging = builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.Messaging} is not configured.");
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((_, rabbit) => rabbit.Host(new Uri(messaging)));
        });
        return builder;
    }
}
