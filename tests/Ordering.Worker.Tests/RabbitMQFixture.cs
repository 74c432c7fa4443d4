using System.Diagnostics.CodeAnalysis;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Testing;

namespace Shop.Ordering.Worker.Tests;

/// <summary>One real RabbitMQ broker for the test assembly (it takes several seconds to start).</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class RabbitMQFixture : IAsyncLifetime
{
    private TestingApplication? _app;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRabbitMQ("messaging");
        _app = new TestingApplication(builder.Build());
        await _app.StartAndWaitHealthyAsync(TimeSpan.FromSeconds(120));
        ConnectionString = _app.GetConnectionString("messaging");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitMQServer : ICollectionFixture<RabbitMQFixture>
{
    public const string Name = "rabbitmq";
}
