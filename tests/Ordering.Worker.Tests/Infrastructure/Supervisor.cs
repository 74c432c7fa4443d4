using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Keeps an in-process app running as Container Apps keeps a container: when the app stops by itself, a fresh
/// one is started. <c>start</c> starts one and returns its services once it is healthy.</summary>
public sealed class Supervisor : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposing = new();
    private readonly Task _supervising;
    private int _starts;

    private Supervisor(Func<Task<IServiceProvider>> start, IServiceProvider first)
    {
        _starts = 1;
        _supervising = SuperviseAsync(start, first);
    }

    /// <summary>How many apps it started, the first included.</summary>
    public int Starts => Volatile.Read(ref _starts);

    public static async Task<Supervisor> StartAsync(Func<Task<IServiceProvider>> start) => new(start, await start());

    private async Task SuperviseAsync(Func<Task<IServiceProvider>> start, IServiceProvider services)
    {
        while (true)
        {
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using (var stoppedOrDisposing = CancellationTokenSource.CreateLinkedTokenSource(stopping, _disposing.Token))
            {
                await Task.Delay(Timeout.Infinite, stoppedOrDisposing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (_disposing.IsCancellationRequested)
            {
                return;
            }

            services = await start();
            Interlocked.Increment(ref _starts);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        await _supervising;
        _disposing.Dispose();
    }
}
