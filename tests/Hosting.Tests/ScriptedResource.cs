using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Tests;

/// <summary>A resource whose runner the test drives: it records when it starts, and can fail to start or
/// report itself unhealthy. It stands in for a server so the orchestrator's rules can be tested alone.</summary>
internal sealed class ScriptedResource(string name) : Resource(name), IResourceWithWaitSupport, IResourceWithEnvironment
{
    public bool FailToStart { get; init; }

    public volatile bool Healthy = true;

    public TaskCompletionSource<DateTimeOffset> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static IResourceBuilder<ScriptedResource> Add(
        IDistributedApplicationBuilder builder, string name, bool failToStart = false, string? missingProgram = null)
    {
        var resource = new ScriptedResource(name) { FailToStart = failToStart };
        return builder.AddResource(resource)
            .WithAnnotation(new ResourceRunnerAnnotation("Scripted", _ => missingProgram is null
                ? new Runner(resource)
                : throw new PrerequisiteMissingException(name, [missingProgram], missingProgram + "-package")));
    }

    private sealed class Runner(ScriptedResource resource) : IResourceRunner
    {
        private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (resource.FailToStart)
            {
                throw new InvalidOperationException("scripted failure");
            }

            resource.Started.TrySetResult(DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        }

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(resource.Healthy);

        public async Task<int> WaitForExitAsync(CancellationToken cancellationToken) => await _exit.Task.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _exit.TrySetResult(0);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
