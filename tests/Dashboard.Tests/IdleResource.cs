using Shop.Hosting;
using Shop.Hosting.ApplicationModel;

namespace Shop.Dashboard.Tests;

/// <summary>A resource that runs nothing and is healthy at once: it gives the browser test a resource with an
/// environment (a reference's connection string) without building a service project.</summary>
internal sealed class IdleResource(string name) : Resource(name), IResourceWithEnvironment, IResourceWithWaitSupport
{
    public static IResourceBuilder<IdleResource> Add(IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new IdleResource(name)).WithAnnotation(new ResourceRunnerAnnotation("Idle", _ => new Runner()));

    private sealed class Runner : IResourceRunner
    {
        private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _exit.Task.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _exit.TrySetResult(0);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
