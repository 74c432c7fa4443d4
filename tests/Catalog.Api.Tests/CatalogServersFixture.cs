using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Contracts;
using Shop.Hosting.Postgres;
using Shop.Hosting.RabbitMQ;
using Shop.Schema;
using Shop.Testing;

namespace Shop.Catalog.Api.Tests;

/// <summary>One real PostgreSQL server and one real RabbitMQ broker for the test assembly, started together. Each test
/// asks for a fresh database and a fresh virtual host, so no test sees another's rows or messages.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class CatalogServersFixture : IAsyncLifetime
{
    private const string MigratedTemplate = "catalog_migrated_template";

    private readonly SemaphoreSlim _seededLock = new(1, 1);
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private bool _templateMigrated;
    private StartedApplication? _app;
    private CatalogApp? _seeded;

    public string PostgresConnectionString => _app?.GetConnectionString("postgres") ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        var builder = TestServers.CreateBuilder();
        builder.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime();
        builder.AddRabbitMQ("messaging").WithManagementPlugin().RunAsLocalProcessWithoutContainerRuntime();
        _app = await builder.StartAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>Creates a database with every migration applied (a copy of one migrated once, as the migrator leaves it)
    /// and returns its connection string.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (!_templateMigrated)
            {
                var template = await CreateDatabaseAsync(MigratedTemplate, "template0");
                await using (var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(template) { Pooling = false }.ConnectionString))
                {
                    await new SchemaMigrator(dataSource, ResourceNames.CatalogDatabase, NullLogger.Instance).MigrateAsync(CancellationToken.None);
                }

                _templateMigrated = true;
            }
        }
        finally
        {
            _templateLock.Release();
        }

        return await CreateDatabaseAsync(template: MigratedTemplate);
    }

    /// <summary>Creates an empty virtual host on the broker and returns the AMQP address of it.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var app = _app ?? throw NotStarted();
        var amqp = new Uri(app.GetConnectionString("messaging"));
        var name = $"catalog-{Guid.NewGuid():N}";
        using var management = app.CreateHttpClient("messaging", "management");
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);

        // The management plugin may still be starting when AMQP already answers.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                (await management.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
                break;
            }
            catch (HttpRequestException) when (attempt < 30)
            {
                await Task.Delay(500);
            }
        }

        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await management.PutAsync($"/api/permissions/{name}/{user}", permissions)).EnsureSuccessStatusCode();
        return new UriBuilder(amqp) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Catalog.Api on a fresh database and virtual host, for a test that changes data.</summary>
    public async Task<CatalogApp> StartCatalogAsync() => CatalogApp.Start(await CreateMigratedDatabaseAsync(), await CreateVirtualHostAsync());

    /// <summary>One Catalog.Api on the seed catalog, shared by tests that only read: they must not change it.</summary>
    public async Task<CatalogApp> GetSeededCatalogAsync()
    {
        await _seededLock.WaitAsync();
        try
        {
            return _seeded ??= await StartCatalogAsync();
        }
        finally
        {
            _seededLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_seeded is not null)
        {
            await _seeded.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _seededLock.Dispose();
        _templateLock.Dispose();
    }

    private Task<string> CreateDatabaseAsync(string template) => CreateDatabaseAsync($"catalog_{Guid.NewGuid():N}", template);

    private Task<string> CreateDatabaseAsync(string name, string template) =>
        (_app ?? throw NotStarted()).CreateDatabaseAsync("postgres", name, template);

    private static InvalidOperationException NotStarted() => new("The servers have not started.");
}

[CollectionDefinition(Name)]
public sealed class CatalogServers : ICollectionFixture<CatalogServersFixture>
{
    public const string Name = "catalog servers";
}
