namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Waits for an asynchronous outcome. The deadline only bounds a broken run; nothing here asserts speed.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Polls until <paramref name="condition"/> holds; on the deadline fails with <paramref name="describe"/>'s
    /// account of what was seen last.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<Task<string>> describe, TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? DefaultDeadline);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Still waiting after {(deadline ?? DefaultDeadline).TotalSeconds} s: {await describe()}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
