namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Stops what a test started in-process (an app, a bus) without letting the stop hang the test run. MassTransit's
/// bus stop waits for every receive endpoint's transport, and once (CI, 2026-11-28, the broker-restart test, after every
/// order had finished) the in-process catalog's waited for good: its endpoint was declaring its exchange on a channel
/// whose RPC lock the broker restart had left taken. A real process would be killed at the end of its grace period; an
/// in-process one is given up on after a minute and only holds memory until the test run ends.</summary>
public static class BoundedStop
{
    private static readonly TimeSpan _within = TimeSpan.FromMinutes(1);

    public static async Task DisposeAsync(IAsyncDisposable disposable) =>
        await Task.WhenAny(disposable.DisposeAsync().AsTask(), Task.Delay(_within));
}
