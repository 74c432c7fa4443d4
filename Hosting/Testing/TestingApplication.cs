using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Testing;

/// <summary>A booted model under test. Disposing it stops every resource and deletes its state folder.</summary>
public sealed class TestingApplication(DistributedApplication application, bool deleteStateOnDispose = true) : IAsyncDisposable
{
    public DistributedApplication Application { get; } = application;

    public ResourceNotificationService ResourceNotifications => Application.ResourceNotifications;

    public Task StartAsync(CancellationToken cancellationToken = default) => Application.StartAsync(cancellationToken);

    /// <summary>Starts the model and waits until every resource is running and healthy (or one fails, which throws
    /// with that resource's last log lines).</summary>
    public async Task StartAndWaitHealthyAsync(TimeSpan timeout)
    {
        await StartAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        foreach (var snapshot in ResourceNotifications.Snapshots)
        {
            try
            {
                await ResourceNotifications.WaitForResourceHealthyAsync(snapshot.Name, cancellation.Token);
            }
            catch (Exception ex) when (ex is ResourceFailedException or OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"Resource '{snapshot.Name}' did not become healthy: {ResourceNotifications.GetSnapshot(snapshot.Name)}\n{Describe(snapshot.Name)}", ex);
            }
        }
    }

    /// <summary>The last console lines of a resource, for failure messages.</summary>
    public string Describe(string resource, int lines = 40) =>
        string.Join('\n', Application.ResourceLogs.GetLines(resource).TakeLast(lines).Select(l => l.Text));

    public string GetConnectionString(string resource) =>
        Application.Model.Find(resource) is IResourceWithConnectionString withConnectionString
            ? withConnectionString.GetConnectionString()
            : throw new InvalidOperationException($"Resource '{resource}' has no connection string.");

    public Uri GetEndpoint(string resource, string endpoint = "http") => new(Application.Model.Find(resource).GetEndpoint(endpoint).Url);

    /// <summary>An HttpClient addressed to the resource's HTTP endpoint.</summary>
    public HttpClient CreateHttpClient(string resource, string endpoint = "http") => new() { BaseAddress = GetEndpoint(resource, endpoint) };

    public async ValueTask DisposeAsync()
    {
        await Application.DisposeAsync();
        if (!deleteStateOnDispose)
        {
            return;
        }

        try
        {
            Directory.Delete(Application.Options.StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing; the folder is under the temp directory either way.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
