using System.Diagnostics.CodeAnalysis;
using Shop.Hosting.Redis;
using Shop.Hosting.Testing;

namespace Shop.Basket.Api.Tests;

/// <summary>One real Redis server (with a password, as Hosting always sets one) for the test assembly.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class RedisFixture : IAsyncLifetime
{
    private TestingApplication? _app;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        _app = new TestingApplication(builder.Build());
        await _app.StartAndWaitHealthyAsync(TimeSpan.FromSeconds(60));
        ConnectionString = _app.GetConnectionString("cache");
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
public sealed class RedisServer : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
