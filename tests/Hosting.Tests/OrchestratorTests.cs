using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;
using Shop.Hosting.Testing;

namespace Shop.Hosting.Tests;

public sealed class OrchestratorTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_resource_starts_only_after_what_it_waits_for_is_healthy()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var database = ScriptedResource.Add(builder, "database");
        database.Resource.Healthy = false;
        var api = ScriptedResource.Add(builder, "api").WaitFor(database);
        await using var app = new TestingApplication(builder.Build());

        await app.StartAsync();
        await database.Resource.Started.Task.WaitAsync(_timeout);
        await app.ResourceNotifications.WaitForAsync("database", s => s.Health == HealthStatus.Unhealthy, new CancellationTokenSource(_timeout).Token);
        await Task.Delay(300);
        Assert.False(api.Resource.Started.Task.IsCompleted);
        Assert.Equal(ResourceState.Waiting, app.ResourceNotifications.GetSnapshot("api")!.State);

        database.Resource.Healthy = true;
        var snapshot = await app.ResourceNotifications.WaitForResourceHealthyAsync("api", new CancellationTokenSource(_timeout).Token);
        Assert.Equal(ResourceState.Running, snapshot.State);
        Assert.True(await api.Resource.Started.Task > await database.Resource.Started.Task);
    }

    [Fact]
    public async Task A_failing_dependency_keeps_its_dependents_waiting_and_is_reported()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var broker = ScriptedResource.Add(builder, "broker", failToStart: true);
        var worker = ScriptedResource.Add(builder, "worker").WaitFor(broker);
        await using var app = new TestingApplication(builder.Build());

        await app.StartAsync();
        var failed = await Assert.ThrowsAsync<ResourceFailedException>(
            () => app.ResourceNotifications.WaitForResourceHealthyAsync("broker", new CancellationTokenSource(_timeout).Token));
        Assert.Equal(ResourceState.FailedToStart, failed.Snapshot.State);
        Assert.Contains("scripted failure", failed.Snapshot.Message, StringComparison.Ordinal);

        var waiting = await app.ResourceNotifications.WaitForAsync(
            "worker", s => s.Message?.Contains("FailedToStart", StringComparison.Ordinal) == true, new CancellationTokenSource(_timeout).Token);
        Assert.Equal(ResourceState.Waiting, waiting.State);
        Assert.Contains("broker", waiting.Message, StringComparison.Ordinal);
        Assert.False(worker.Resource.Started.Task.IsCompleted);
    }

    [Fact]
    public async Task Stopping_the_application_finishes_every_resource()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var first = ScriptedResource.Add(builder, "first");
        ScriptedResource.Add(builder, "second").WaitFor(first);
        var app = new TestingApplication(builder.Build());
        await app.StartAndWaitHealthyAsync(_timeout);

        await app.DisposeAsync();

        Assert.All(app.ResourceNotifications.Snapshots, s => Assert.Equal(ResourceState.Finished, s.State));
    }

    [Fact]
    public async Task Restarting_a_resource_counts_the_restart_and_brings_it_back()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        ScriptedResource.Add(builder, "api");
        await using var app = new TestingApplication(builder.Build());
        await app.StartAndWaitHealthyAsync(_timeout);

        await app.Application.GetResourceController("api").RestartAsync(CancellationToken.None);

        var snapshot = await app.ResourceNotifications.WaitForResourceHealthyAsync("api", new CancellationTokenSource(_timeout).Token);
        Assert.Equal(1, snapshot.Restarts);
    }

    [Fact]
    public async Task Missing_server_programs_are_reported_once_with_both_fixes_and_nothing_starts()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var healthy = ScriptedResource.Add(builder, "healthy");
        ScriptedResource.Add(builder, "database", missingProgram: "initdb");
        ScriptedResource.Add(builder, "cache", missingProgram: "redis-server");
        await using var app = new TestingApplication(builder.Build());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("Docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y initdb-package redis-server-package", error.Message, StringComparison.Ordinal);
        Assert.Contains("initdb, redis-server", error.Message, StringComparison.Ordinal);
        Assert.False(healthy.Resource.Started.Task.IsCompleted);
    }
}
