using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Aspire.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Contracts;
using Shop.Hosting.Postgres;
using Shop.Hosting.RabbitMQ;
using Shop.Schema;
using Shop.Testing;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>One real PostgreSQL server and one real RabbitMQ broker for the test assembly. Each test gets a fresh
/// database and a fresh virtual host, so queues and tables never carry one test's leftovers into another.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class ServersFixture : IAsyncLifetime
{
    public const string Messaging = ResourceNames.Messaging;

    private StartedApplication? _app;
    private HttpClient? _management;

    private StartedApplication App => _app ?? throw new InvalidOperationException("The servers have not started.");

    public async Task InitializeAsync()
    {
        var builder = TestServers.CreateBuilder();
        builder.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime();
        builder.AddRabbitMQ(Messaging).WithManagementPlugin().RunAsLocalProcessWithoutContainerRuntime();
        _app = await builder.StartAsync(TimeSpan.FromSeconds(120));

        var broker = new Uri(_app.GetConnectionString(Messaging));
        _management = new HttpClient { BaseAddress = _app.GetEndpoint(Messaging, "management") };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
    }

    /// <summary>Creates a database with the schema the migrator gives the named one (<c>catalogdb</c> or
    /// <c>orderingdb</c>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string database)
    {
        var connectionString = await App.CreateDatabaseAsync("postgres", $"{database}_{Guid.NewGuid():N}");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, database, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>Creates an empty virtual host and returns the broker's connection string for it.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var name = $"test-{Guid.NewGuid():N}";
        using (var created = await _management!.PutAsync($"api/vhosts/{name}", content: null))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var permitted = await _management.PutAsJsonAsync(
            $"api/permissions/{name}/{Uri.UnescapeDataString(new Uri(App.GetConnectionString(Messaging)).UserInfo.Split(':')[0])}", new { configure = ".*", write = ".*", read = ".*" }))
        {
            permitted.EnsureSuccessStatusCode();
        }

        return $"{App.GetConnectionString(Messaging)}/{name}";
    }

    /// <summary>Each queue of the virtual host the connection string names: messages ready, unacknowledged, consumers.</summary>
    public async Task<string> DescribeQueuesAsync(string broker)
    {
        var vhost = new Uri(broker).AbsolutePath.TrimStart('/');
        try
        {
            var queues = await _management!.GetFromJsonAsync<List<QueueState>>($"api/queues/{Uri.EscapeDataString(vhost)}");
            return string.Join('\n', queues!.Select(q => $"{q.Name}: {q.MessagesReady} ready, {q.MessagesUnacknowledged} unacked, {q.Consumers} consumers"));
        }
        catch (HttpRequestException ex)
        {
            return $"queues unknown: {ex.Message}";
        }
    }

    /// <summary>Stops the broker (SIGTERM: durable queues and persistent messages survive) and starts it again on the
    /// same port and data folder, returning once it is healthy.</summary>
    public Task RestartBrokerAsync() => App.RestartAsync(Messaging, TimeSpan.FromSeconds(120));

    /// <summary>Stops the broker (an outage), until <see cref="StartBrokerAsync"/>.</summary>
    public Task StopBrokerAsync() => App.StopAsync(Messaging, TimeSpan.FromSeconds(120));

    /// <summary>Starts the stopped broker again, returning once it is healthy.</summary>
    public Task StartBrokerAsync() => App.StartAsync(Messaging, TimeSpan.FromSeconds(120));

    public async Task DisposeAsync()
    {
        _management?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

internal sealed record QueueState(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages_ready")] long MessagesReady,
    [property: JsonPropertyName("messages_unacknowledged")] long MessagesUnacknowledged,
    [property: JsonPropertyName("consumers")] int Consumers);

[CollectionDefinition(Name)]
public sealed class Servers : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
