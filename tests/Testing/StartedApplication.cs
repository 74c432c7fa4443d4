using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Shop.Testing;

/// <summary>A started application under test: its connection strings and endpoints, and the operations tests perform on
/// its servers (restart, stop, start), the way an operator would from the dashboard.</summary>
public sealed class StartedApplication(DistributedApplication app, string dataPath, bool deleteData) : IAsyncDisposable
{
    private readonly Dictionary<string, string> _connectionStrings = [];

    public DistributedApplication App => app;

    /// <summary>The folder holding every local server's data (and, in each process's environment, their marker).</summary>
    public string DataPath => dataPath;

    public ResourceNotificationService ResourceNotifications => app.ResourceNotifications;

    /// <summary>The connection string of a resource, resolved once the application has started.</summary>
    public string GetConnectionString(string resourceName) =>
        _connectionStrings.TryGetValue(resourceName, out var value) ? value : throw new KeyNotFoundException($"'{resourceName}' has no connection string.");

    public Uri GetEndpoint(string resourceName, string endpointName = "http") => app.GetEndpoint(resourceName, endpointName);

    /// <summary>Creates a database (a copy of <paramref name="template"/>) on the PostgreSQL server resource
    /// <paramref name="serverName"/> and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string serverName, string name, string template = "template0")
    {
        var server = GetConnectionString(serverName);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The value of one of the model's parameters (a generated key, say), as the app host resolved it.</summary>
    public async Task<string> GetParameterValueAsync(string name) =>
        await app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name)
            .GetValueAsync(CancellationToken.None)
        ?? throw new InvalidOperationException($"The parameter '{name}' has no value.");

    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") => app.CreateHttpClient(resourceName, endpointName);

    internal async Task StartAndWaitHealthyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await app.StartAsync(deadline.Token);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        await Task.WhenAll(model.Resources
            .Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any())
            .Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, deadline.Token)));

        foreach (var resource in model.Resources.OfType<IResourceWithConnectionString>())
        {
            _connectionStrings[resource.Name] = await resource.GetConnectionStringAsync(deadline.Token)
                ?? throw new InvalidOperationException($"'{resource.Name}' has no connection string.");
        }
    }

    /// <summary>Restarts a resource (for a server, the process that serves it: same port, same data) and waits until it
    /// is healthy again.</summary>
    public async Task RestartAsync(string resourceName, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await ExecuteAsync(resourceName, KnownResourceCommands.RestartCommand, deadline.Token);
        await WaitUntilHealthyAgainAsync(resourceName, deadline.Token);
    }

    /// <summary>Stops a resource (for a server, the process that serves it) and waits until it has exited: an outage
    /// until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync(string resourceName, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await ExecuteAsync(resourceName, KnownResourceCommands.StopCommand, deadline.Token);
        await app.ResourceNotifications.WaitForResourceAsync(resourceName, KnownResourceStates.TerminalStates, deadline.Token);
    }

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public async Task StartAsync(string resourceName, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await ExecuteAsync(resourceName, KnownResourceCommands.StartCommand, deadline.Token);
        await WaitUntilHealthyAgainAsync(resourceName, deadline.Token);
    }

    /// <summary>The first line of a replica's console log, as the dashboard shows it, that contains <paramref name="text"/>.</summary>
    public async Task<string> ConsoleLogLineAsync(string resourceId, string text, CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(cancellationToken))
        {
            if (batch.Select(line => line.Content).FirstOrDefault(content => content.Contains(text, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"The console log of {resourceId} ended without a line containing '{text}'.");
    }

    public async Task WaitUntilHealthyAsync(string resourceName, CancellationToken cancellationToken) =>
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);

    /// <summary>The resource's latest replica once it is Running as a process other than <paramref name="notPid"/> (given
    /// one): after a crash, the replica the restart brought up.</summary>
    public async Task<ResourceEvent> WaitUntilRunningAsync(string resourceName, int? notPid, CancellationToken cancellationToken) =>
        await app.ResourceNotifications.WaitForResourceAsync(
            resourceName,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ServiceProcesses.Pid(e) is { } pid && pid != notPid,
            cancellationToken);

    /// <summary>After a start or restart command the latest state may still be the stop's Exited for a moment: waiting
    /// that gives up on an unavailable resource would fail a restart that is about to succeed (it did, 1 run in 10 on a
    /// loaded machine). The caller's deadline bounds the wait instead.</summary>
    public async Task WaitUntilHealthyAgainAsync(string resourceName, CancellationToken cancellationToken) =>
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, WaitBehavior.WaitOnResourceUnavailable, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (!deleteData)
        {
            return;
        }

        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing as it exits; the folder is in the temporary directory either way.
        }
        catch (UnauthorizedAccessException)
        {
            // Files of the unprivileged user PostgreSQL runs as; the folder is in the temporary directory either way.
        }
    }

    /// <summary>Commands go to a server's process (<c>{server}-server</c>) where it runs as one, else to the resource itself.</summary>
    private async Task ExecuteAsync(string resourceName, string command, CancellationToken cancellationToken)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var target = model.Resources.Any(r => r.Name == $"{resourceName}-server") ? $"{resourceName}-server" : resourceName;
        var result = await app.ResourceCommands.ExecuteCommandAsync(target, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on '{target}' failed: {result.Message}");
        }
    }
}
